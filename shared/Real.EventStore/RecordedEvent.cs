namespace Real.EventStore;

/// <summary>An event as stored: its envelope, position in its stream and in the global log ($all), and its link in the hash chain.</summary>
public sealed record RecordedEvent(
    Guid EventId,
    string EventType,
    ReadOnlyMemory<byte> Data,
    EventMetadata Metadata,
    DateTimeOffset Created,
    string Stream,
    long Revision,
    long GlobalPosition,
    ReadOnlyMemory<byte> Hash)
{
    /// <summary>
    /// The metadata bytes exactly as stored (UTF-8 JSON). The hash chain covers these bytes, not a re-serialization
    /// of <see cref="Metadata"/>. Empty when the event was not read from a store.
    /// </summary>
    public ReadOnlyMemory<byte> StoredMetadata { get; init; }
}
