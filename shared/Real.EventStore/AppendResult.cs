namespace Real.EventStore;

/// <summary>
/// Outcome of an append. <see cref="NextExpectedRevision"/> is the stream's last revision after the append
/// (-1 when the stream still does not exist, e.g. zero events appended to a new stream);
/// <see cref="LastGlobalPosition"/> is the global position of the stream's last event (0 when none).
/// <see cref="AppendedCount"/> is 0 for an idempotent repeat.
/// </summary>
public sealed record AppendResult(long NextExpectedRevision, long LastGlobalPosition, int AppendedCount);
