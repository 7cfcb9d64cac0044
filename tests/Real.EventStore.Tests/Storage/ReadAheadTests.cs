using System.Collections.Concurrent;
using Real.EventStore.Storage;

namespace Real.EventStore.Tests.Storage;

/// <summary>
/// <see cref="ReadAhead"/> against a fake log (keys 1..N, some missing): the events it yields must be exactly those of
/// a page-by-page read, whatever the gaps; pages must grow from a small first one; a reader that stops early must
/// leave no page being read behind it; and the error of a page that is read must reach the reader.
/// </summary>
public sealed class ReadAheadTests
{
    private const int PageSize = 50;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Yields_exactly_the_keys_a_page_by_page_read_gives_forwards_and_backwards(bool denseKeys)
    {
        var log = new FakeLog(1000, missing: [2, 50, 51, 52, 256, 257, 300, .. Enumerable.Range(400, 120), 999]);

        Assert.Equal(log.Keys, await ReadKeysAsync(log, from: 1, step: 1, denseKeys));
        Assert.Equal(log.Keys.Where(k => k >= 260), await ReadKeysAsync(log, from: 260, step: 1, denseKeys));
        Assert.Equal(log.Keys.Take(333), await ReadKeysAsync(log, from: 1, step: 1, denseKeys, maxCount: 333));
        Assert.Equal(log.Keys.Where(k => k <= 700).Reverse(), await ReadKeysAsync(log, from: 700, step: -1, denseKeys));
        Assert.Empty(await ReadKeysAsync(log, from: 1001, step: 1, denseKeys));
        Assert.Empty(await ReadKeysAsync(log, from: 1, step: 1, denseKeys, maxCount: 0));
    }

    [Fact]
    public async Task Pages_grow_from_the_small_first_one_to_the_page_size()
    {
        var log = new FakeLog(10_000, missing: []);

        Assert.Equal(log.Keys, await ReadKeysAsync(log, from: 1, step: 1, denseKeys: true, pageSize: 1000));

        var limits = log.Limits.Order().ToList();
        Assert.Equal([256, 512], limits.Take(2));
        Assert.All(limits.Skip(2), limit => Assert.Equal(1000, limit));
    }

    [Fact]
    public async Task A_reader_that_stops_early_leaves_no_page_being_read()
    {
        var log = new FakeLog(100_000, missing: [], delay: TimeSpan.FromMilliseconds(20));

        await foreach (var e in ReadAhead.ReadAsync(log.For(1), 1, 1, static e => e.GlobalPosition, true, long.MaxValue, PageSize, CancellationToken.None))
        {
            if (e.GlobalPosition == 120)
            {
                break;
            }
        }

        Assert.Equal(0, log.Running);
        Assert.InRange(log.Limits.Count, 3, 5);
    }

    [Theory]
    [InlineData(1L, 1)]
    [InlineData(long.MaxValue, -1)]
    public async Task A_reader_that_takes_one_event_reads_one_small_page(long from, int step)
    {
        // A backwards read from long.MaxValue ("the last event") starts at no real key: nothing may be guessed from it.
        var log = new FakeLog(100_000, missing: []);

        await foreach (var e in ReadAhead.ReadAsync(log.For(step), from, step, static e => e.GlobalPosition, true, long.MaxValue, 5000, CancellationToken.None))
        {
            Assert.Equal(step > 0 ? 1 : 100_000, e.GlobalPosition);
            break;
        }

        Assert.Equal([ReadAhead.FirstPageSize], log.Limits);
    }

    [Fact]
    public async Task A_backwards_read_from_the_end_guesses_only_from_real_keys()
    {
        var log = new FakeLog(3000, missing: []);

        Assert.Equal(log.Keys.AsEnumerable().Reverse(), await ReadKeysAsync(log, from: long.MaxValue, step: -1, denseKeys: true, pageSize: 500));

        // Every page after the first starts at a key the log has (or just below its first, where the read ends).
        Assert.All(log.Starts.Skip(1), start => Assert.InRange(start, 0, 3000));
    }

    [Fact]
    public async Task The_error_of_a_page_reaches_the_reader_after_the_events_before_it()
    {
        var log = new FakeLog(1000, missing: [], failFrom: 300);
        var read = new List<long>();

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var e in ReadAhead.ReadAsync(log.For(1), 1, 1, static e => e.GlobalPosition, true, long.MaxValue, PageSize, CancellationToken.None))
            {
                read.Add(e.GlobalPosition);
            }
        });

        Assert.Contains("300", error.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, read.Count).Select(k => (long)k), read);
        Assert.InRange(read.Count, 200, 299);
        Assert.Equal(0, log.Running);
    }

    private static async Task<List<long>> ReadKeysAsync(FakeLog log, long from, int step, bool denseKeys, long maxCount = long.MaxValue, int pageSize = PageSize)
    {
        var keys = new List<long>();
        await foreach (var e in ReadAhead.ReadAsync(log.For(step), from, step, static e => e.GlobalPosition, denseKeys, maxCount, pageSize, CancellationToken.None))
        {
            keys.Add(e.GlobalPosition);
        }

        return keys;
    }

    /// <summary>Events at keys 1..count except the missing ones; a page reads keys from `from` on, like the stores' queries.</summary>
    private sealed class FakeLog(int count, int[] missing, TimeSpan delay = default, long failFrom = long.MaxValue)
    {
        private int _running;

        public List<long> Keys { get; } = [.. Enumerable.Range(1, count).Except(missing).Select(k => (long)k)];

        public ConcurrentQueue<int> LimitsQueue { get; } = new();

        public ConcurrentQueue<long> StartsQueue { get; } = new();

        public List<long> Starts => [.. StartsQueue];

        public List<int> Limits => [.. LimitsQueue];

        public int Running => Volatile.Read(ref _running);

        public PageFetch For(int step) => (from, limit, _) => FetchAsync(from, limit, step);

        private async Task<List<RecordedEvent>> FetchAsync(long from, int limit, int step)
        {
            Interlocked.Increment(ref _running);
            try
            {
                LimitsQueue.Enqueue(limit);
                StartsQueue.Enqueue(from);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, CancellationToken.None);
                }

                var page = (step > 0 ? Keys.Where(k => k >= from) : Keys.Where(k => k <= from).Reverse()).Take(limit).ToList();
                if (page.Any(k => k >= failFrom))
                {
                    throw new InvalidDataException($"key {failFrom} is damaged");
                }

                return [.. page.Select(Event)];
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        private static RecordedEvent Event(long key) =>
            new(Guid.NewGuid(), "Something", "{}"u8.ToArray(), EventMetadata.Empty, DateTimeOffset.UnixEpoch, "test-1", key - 1, key, new byte[32]);
    }
}
