namespace Real.EventStore.Storage;

/// <summary>What the store already holds under an event id: enough to tell an idempotent repeat from a conflict.</summary>
public sealed record StoredEventIdentity(Guid EventId, string Stream, long Revision, string EventType, ReadOnlyMemory<byte> Data);
