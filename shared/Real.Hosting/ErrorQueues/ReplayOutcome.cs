namespace Real.Hosting.ErrorQueues;

/// <summary>What a replay did: messages sent back to their queue (confirmed by the broker before removal) and messages left in place.</summary>
public sealed record ReplayOutcome(string ErrorQueue, string Target, int Replayed, int Left, IReadOnlyList<string?> ReplayedMessageIds);
