using System.Runtime.ExceptionServices;
using Real.EventStore.Integrity;

namespace Real.EventStore.Storage;

/// <summary>
/// Computes the hash chain (and the stored metadata bytes) of one append on a thread of its own while the caller
/// inserts, event by event, what is ready: a store writes under its lock, and hashing was a tenth of that time, on a
/// machine whose other core sat idle. Each hash needs the one before, so the chain itself stays sequential; it only
/// runs beside the inserts instead of between them. Small appends are hashed on the caller's thread (handing them
/// over would cost more than it saves). One append at a time; not thread-safe. Both threads read the events, so a
/// list that is not an array or a <see cref="List{T}"/> (safe to read from two threads) is copied first. A failure
/// reaches the caller as the exception it was, on either path.
/// <para>
/// An append may hand over more work for the same thread, to run once every event is hashed (the SQLite writer puts
/// the ids into its id tiers there: hashing is far ahead of the inserts, so that work leaves the writer's path too).
/// It gets the events as the hasher reads them, and what it throws reaches the caller at <see cref="Complete"/>.
/// </para>
/// </summary>
internal sealed class ChainHasher : IDisposable
{
    /// <summary>Appends with fewer events than this are hashed inline.</summary>
    public const int ParallelFrom = 128;

    private readonly Thread _thread;
    private readonly SemaphoreSlim _start = new(0);
    private readonly ManualResetEventSlim _idle = new(true);
    private byte[] _hashes = new byte[EventHash.Size * 1025];
    private byte[][] _metadata = new byte[1024][];
    private Job? _job;
    private int _ready;
    private Exception? _failure;
    private Exception? _afterHashingFailure;
    private volatile bool _stopping;

    public ChainHasher()
    {
        _thread = new Thread(Work) { IsBackground = true, Name = "real-chain-hasher" };
        _thread.Start();
    }

    /// <summary>
    /// Starts hashing <paramref name="events"/> as the events after <paramref name="previousHash"/>: event i gets
    /// revision <paramref name="firstRevision"/> + i and position <paramref name="firstPosition"/> + i.
    /// The events must not change until <see cref="Finish"/>.
    /// </summary>
    public void Begin(string stream, long firstRevision, long firstPosition, ReadOnlySpan<byte> previousHash, IReadOnlyList<EventData> events, long createdMicroseconds, Action<IReadOnlyList<EventData>>? afterHashing = null)
    {
        if (!_idle.IsSet)
        {
            throw new InvalidOperationException("The previous append's hashing was not finished.");
        }

        // Before any state changes: a list that fails while it is copied leaves the hasher as it was.
        events = events is EventData[] or List<EventData> ? events : [.. events];

        if (_metadata.Length < events.Count)
        {
            _hashes = new byte[EventHash.Size * (events.Count + 1)];
            _metadata = new byte[events.Count][];
        }

        previousHash.CopyTo(_hashes.AsSpan(0, EventHash.Size));
        _job = new Job(stream, firstRevision, firstPosition, events, createdMicroseconds, afterHashing);
        _failure = null;
        _afterHashingFailure = null;
        Volatile.Write(ref _ready, 0);
        if (events.Count < ParallelFrom)
        {
            HashRecordingFailure();
            RunAfterHashing();
            return;
        }

        _idle.Reset();
        _start.Release();
    }

    /// <summary>Hash of event <paramref name="index"/>, waiting for it if need be.</summary>
    public ReadOnlySpan<byte> HashOf(int index)
    {
        WaitFor(index);
        return _hashes.AsSpan(EventHash.Size * (index + 1), EventHash.Size);
    }

    /// <summary>Stored metadata bytes of event <paramref name="index"/> (the same array for events sharing one metadata object).</summary>
    public byte[] MetadataOf(int index)
    {
        WaitFor(index);
        return _metadata[index];
    }

    /// <summary>
    /// Waits until every hash and the append's after-hashing work are done, and throws what that work threw. Call it
    /// once every hash was used, before the append commits.
    /// </summary>
    public void Complete()
    {
        _idle.Wait();
        if (Volatile.Read(ref _afterHashingFailure) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Waits until the hashing thread is done with this append (whether or not every hash was used).</summary>
    public void Finish()
    {
        _job?.Abandon();
        _idle.Wait();
        _job = null;
    }

    public void Dispose()
    {
        _stopping = true;
        _start.Release();
        _thread.Join();
        _start.Dispose();
        _idle.Dispose();
    }

    private void WaitFor(int index)
    {
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _ready) <= index)
        {
            if (Volatile.Read(ref _failure) is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            // Never Sleep(1): the hasher is normally a few events ahead, and a millisecond per event would be ruinous.
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private void Work()
    {
        while (true)
        {
            _start.Wait();
            if (_stopping)
            {
                return;
            }

            try
            {
                HashRecordingFailure();
                RunAfterHashing();
            }
            finally
            {
                _idle.Set();
            }
        }
    }

    /// <summary>
    /// Hashes the job; a failure is kept for <see cref="WaitFor"/>, so inline and threaded appends fail alike: the
    /// events before the failing one stay usable, and asking for that one throws.
    /// </summary>
    private void HashRecordingFailure()
    {
        try
        {
            Hash();
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _failure, ex);
        }
    }

    /// <summary>
    /// The append's after-hashing work, once every event is hashed: not after an abandon, nor after a failure (which
    /// stops the hashing short of the last event, so <c>_ready</c> never reaches the count).
    /// </summary>
    private void RunAfterHashing()
    {
        var job = _job!;
        if (job.AfterHashing is null || job.Abandoned || Volatile.Read(ref _ready) < job.Events.Count)
        {
            return;
        }

        try
        {
            job.AfterHashing(job.Events);
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _afterHashingFailure, ex);
        }
    }

    private void Hash()
    {
        var job = _job!;
        EventMetadata? lastMetadata = null;
        byte[] metadataBytes = [];
        for (var i = 0; i < job.Events.Count && !job.Abandoned; i++)
        {
            var e = job.Events[i];
            if (!ReferenceEquals(e.Metadata, lastMetadata))
            {
                metadataBytes = EventMetadataCodec.Encode(e.Metadata);
                lastMetadata = e.Metadata;
            }

            _metadata[i] = metadataBytes;
            EventHash.Compute(
                _hashes.AsSpan(EventHash.Size * i, EventHash.Size),
                job.Stream,
                job.FirstRevision + i,
                job.FirstPosition + i,
                e.EventId,
                e.EventType,
                job.CreatedMicroseconds,
                e.Data.Span,
                metadataBytes,
                _hashes.AsSpan(EventHash.Size * (i + 1), EventHash.Size));
            Volatile.Write(ref _ready, i + 1);
        }
    }

    /// <summary>What one append's hashing needs. <see cref="Abandoned"/> stops it early when the append failed.</summary>
    private sealed class Job(string stream, long firstRevision, long firstPosition, IReadOnlyList<EventData> events, long createdMicroseconds, Action<IReadOnlyList<EventData>>? afterHashing)
    {
        public Action<IReadOnlyList<EventData>>? AfterHashing { get; } = afterHashing;

        public string Stream { get; } = stream;

        public long FirstRevision { get; } = firstRevision;

        public long FirstPosition { get; } = firstPosition;

        public IReadOnlyList<EventData> Events { get; } = events;

        public long CreatedMicroseconds { get; } = createdMicroseconds;

        public bool Abandoned => Volatile.Read(ref _abandoned);

        private bool _abandoned;

        public void Abandon() => Volatile.Write(ref _abandoned, true);
    }
}
