namespace Real.EventStore.Integrity;

public enum ChainViolationKind
{
    /// <summary>The event at this position no longer hashes to its stored hash: its fields were edited, or it was moved here.</summary>
    Altered,

    /// <summary>Events are missing: the log jumps over this position, or ends before the log head says it does.</summary>
    Removed,

    /// <summary>Positions do not ascend: events were moved out of order.</summary>
    Reordered,

    /// <summary>The head hash differs from the one the caller expected (the whole chain was recomputed after an edit).</summary>
    HeadMismatch,
}
