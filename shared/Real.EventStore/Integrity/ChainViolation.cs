namespace Real.EventStore.Integrity;

/// <summary>The first place where the stored log stops matching its hash chain.</summary>
public sealed record ChainViolation(long Position, ChainViolationKind Kind, string Reason);
