namespace Real.Hosting.ErrorQueues;

/// <summary>MassTransit's naming: a receive endpoint's faulted messages go to "{queue}_error".</summary>
public static class ErrorQueueNames
{
    public const string Suffix = "_error";

    public static string ErrorQueueOf(string queue) =>
        queue.EndsWith(Suffix, StringComparison.Ordinal) ? queue : queue + Suffix;

    public static string QueueOf(string queueOrErrorQueue) =>
        queueOrErrorQueue.EndsWith(Suffix, StringComparison.Ordinal) ? queueOrErrorQueue[..^Suffix.Length] : queueOrErrorQueue;
}
