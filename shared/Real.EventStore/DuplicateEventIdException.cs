namespace Real.EventStore;

/// <summary>
/// An event id that the store already holds with different content (type or data), or in another stream.
/// Same id with the same content is an idempotent no-op, never this error. Nothing was written.
/// </summary>
public sealed class DuplicateEventIdException(Guid eventId, string stream, string reason)
    : Exception($"Event {eventId} appended to stream '{stream}' conflicts with a stored event: {reason}.")
{
    public Guid EventId { get; } = eventId;

    public string Stream { get; } = stream;
}
