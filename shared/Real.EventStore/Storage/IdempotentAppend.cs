namespace Real.EventStore.Storage;

/// <summary>
/// The idempotency rules of <see cref="IEventWriter.AppendToStreamAsync"/>, shared by every backend: given the events
/// of an append and what the store already holds under their ids, returns the events that are new. An id held with
/// the same type and data in the same stream is a repeat (skipped); the same id with other content, in another stream,
/// or twice in one append with different content is a <see cref="DuplicateEventIdException"/>.
/// </summary>
public static class IdempotentAppend
{
    public static IReadOnlyList<EventData> NewEvents(
        string stream,
        IReadOnlyList<EventData> events,
        IReadOnlyDictionary<Guid, StoredEventIdentity> stored)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(stored);
        var fresh = new List<EventData>(events.Count);
        var inThisAppend = new Dictionary<Guid, EventData>(events.Count);
        foreach (var e in events)
        {
            if (stored.TryGetValue(e.EventId, out var existing))
            {
                if (!string.Equals(existing.Stream, stream, StringComparison.Ordinal))
                {
                    throw new DuplicateEventIdException(e.EventId, stream, $"the id is already used in stream '{existing.Stream}' at revision {existing.Revision}");
                }

                if (!SameContent(e, existing.EventType, existing.Data.Span))
                {
                    throw new DuplicateEventIdException(e.EventId, stream, $"revision {existing.Revision} holds this id with different {Difference(e, existing.EventType)}");
                }

                continue;
            }

            if (inThisAppend.TryGetValue(e.EventId, out var earlier))
            {
                if (!SameContent(e, earlier.EventType, earlier.Data.Span))
                {
                    throw new DuplicateEventIdException(e.EventId, stream, $"the append holds this id twice with different {Difference(e, earlier.EventType)}");
                }

                continue;
            }

            inThisAppend.Add(e.EventId, e);
            fresh.Add(e);
        }

        return fresh;
    }

    /// <summary>True when some event id occurs twice in one append (the fast path then takes the careful one).</summary>
    public static bool HasRepeatedIds(IReadOnlyList<EventData> events)
    {
        if (events.Count < 2)
        {
            return false;
        }

        var seen = new HashSet<Guid>(events.Count);
        foreach (var e in events)
        {
            if (!seen.Add(e.EventId))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameContent(EventData e, string type, ReadOnlySpan<byte> data) =>
        string.Equals(e.EventType, type, StringComparison.Ordinal) && e.Data.Span.SequenceEqual(data);

    private static string Difference(EventData e, string type) =>
        string.Equals(e.EventType, type, StringComparison.Ordinal) ? "data" : $"type ('{type}' stored, '{e.EventType}' appended)";
}
