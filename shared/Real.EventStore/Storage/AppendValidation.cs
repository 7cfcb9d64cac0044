namespace Real.EventStore.Storage;

/// <summary>Argument checks every backend makes before it touches storage, so bad input fails the same way everywhere.</summary>
public static class AppendValidation
{
    public static void Validate(string stream, IReadOnlyList<EventData> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(events);
        if (stream.StartsWith('$'))
        {
            throw new ArgumentException($"Stream '{stream}': names starting with '$' are reserved for the store.", nameof(stream));
        }

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"Event {i} of the append to '{stream}' is null.", nameof(events));
            if (e.EventId == Guid.Empty)
            {
                throw new ArgumentException($"Event {i} of the append to '{stream}' has an empty id.", nameof(events));
            }

            if (string.IsNullOrWhiteSpace(e.EventType))
            {
                throw new ArgumentException($"Event {i} ({e.EventId}) of the append to '{stream}' has no type.", nameof(events));
            }
        }
    }
}
