namespace Real.Hosting.ErrorQueues;

/// <summary>How many messages wait in one service queue's _error queue (0 when it was never created).</summary>
public sealed record ErrorQueueCount(string Queue, string ErrorQueue, uint Messages, bool Exists);
