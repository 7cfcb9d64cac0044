namespace Real.EventStore.Integrity;

/// <summary>
/// The outcome of walking the chain: how many events were checked, the last verified position and hash, and the
/// first violation (null when the whole log is intact).
/// </summary>
public sealed record ChainVerification(long EventsChecked, long HeadPosition, ReadOnlyMemory<byte> HeadHash, ChainViolation? Violation)
{
    public bool IsIntact => Violation is null;

    public string HeadHashHex => Convert.ToHexStringLower(HeadHash.Span);
}
