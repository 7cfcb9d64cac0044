namespace Real.EventStore;

/// <summary>An event to append: its id (derive it from the causing message for idempotency), stable type name and UTF-8 JSON data.</summary>
public sealed record EventData(Guid EventId, string EventType, ReadOnlyMemory<byte> Data, EventMetadata Metadata)
{
    public EventData(Guid eventId, string eventType, ReadOnlyMemory<byte> data)
        : this(eventId, eventType, data, EventMetadata.Empty)
    {
    }
}
