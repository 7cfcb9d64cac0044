using System.Collections.Concurrent;
using Real.Contracts.Messages.Intake;

namespace Real.RatingIntake.Tests.Submitting;

/// <summary>Replies the intake published on the in-memory bus, by batch id (null batch ids under "").</summary>
public sealed class ReplyInbox
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<object>> _byBatch = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _arrived = new(0);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IEnumerable<object> All => _byBatch.Values.SelectMany(q => q);

    public void Add(string? batchId, object reply)
    {
        _byBatch.GetOrAdd(batchId ?? "", _ => new ConcurrentQueue<object>()).Enqueue(reply);
        Interlocked.Increment(ref _count);
        _arrived.Release();
    }

    public IReadOnlyList<object> For(string batchId) => _byBatch.TryGetValue(batchId, out var q) ? [.. q] : [];

    public async Task<T> SingleAsync<T>(string batchId, TimeSpan? timeout = null)
    {
        await WaitForCountAsync(c => _byBatch.TryGetValue(batchId, out var q) && !q.IsEmpty, timeout);
        return Assert.IsType<T>(Assert.Single(For(batchId)));
    }

    /// <summary>Waits until <paramref name="done"/> holds, failing the test after the timeout (default 30 s).</summary>
    public async Task WaitForCountAsync(Func<int, bool> done, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!done(Count))
        {
            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting for replies; {Count} arrived.");
            }
        }
    }
}
