namespace Real.Hosting.Distributed;

/// <summary>What the replies a tool received so far add up to (thread-safe counters).</summary>
public sealed class ReplyTally
{
    private long _batches;
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private long _batchErrors;

    /// <summary>Replies received (one per answered batch; a redelivered batch is answered again).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Ratings Real had already recorded (a re-sent or redelivered batch); included in <see cref="Accepted"/>.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long BatchErrors => Interlocked.Read(ref _batchErrors);

    internal void Add(int accepted, int duplicates, int rejected, int batchErrors)
    {
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Add(ref _rejected, rejected);
        Interlocked.Add(ref _batchErrors, batchErrors);
        Interlocked.Increment(ref _batches);
    }
}
