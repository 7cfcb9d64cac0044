using System.Collections;
using Real.EventStore.Integrity;
using Real.EventStore.Storage;

namespace Real.EventStore.Tests.Storage;

/// <summary>
/// The hasher thread must give exactly the chain <see cref="EventHash"/> defines, for appends hashed inline and on its
/// thread alike; an append abandoned half-way, or one whose events fail, must leave it ready for the next.
/// </summary>
public sealed class ChainHasherTests : IDisposable
{
    private static readonly EventMetadata Shared = new() { CausationId = "batch-1", ProducingService = "test" };

    private readonly ChainHasher _hasher = new();

    [Theory]
    [InlineData(1)]
    [InlineData(ChainHasher.ParallelFrom - 1)]
    [InlineData(ChainHasher.ParallelFrom)]
    [InlineData(5000)]
    public void Hashes_and_metadata_are_the_chain_EventHash_defines(int count)
    {
        var events = Events(count);
        var previous = Enumerable.Range(0, EventHash.Size).Select(i => (byte)i).ToArray();

        _hasher.Begin("ratings-tool", 7, 100, previous, events, 1_700_000_000_000_000);
        var expected = previous;
        for (var i = 0; i < count; i++)
        {
            var metadata = EventMetadataCodec.Encode(events[i].Metadata);
            var hash = new byte[EventHash.Size];
            EventHash.Compute(expected, "ratings-tool", 7 + i, 100 + i, events[i].EventId, events[i].EventType, 1_700_000_000_000_000, events[i].Data.Span, metadata, hash);
            Assert.Equal(hash, _hasher.HashOf(i).ToArray());
            Assert.Equal(metadata, _hasher.MetadataOf(i));
            expected = hash;
        }

        _hasher.Finish();
    }

    [Fact]
    public void An_append_abandoned_half_way_leaves_the_hasher_ready_for_the_next()
    {
        var first = Events(5000);
        _hasher.Begin("s-1", 0, 1, new byte[EventHash.Size], first, 1);
        _ = _hasher.HashOf(10);
        _hasher.Finish();

        var second = Events(300);
        _hasher.Begin("s-2", 0, 1, new byte[EventHash.Size], second, 1);
        var hash = new byte[EventHash.Size];
        EventHash.Compute(new byte[EventHash.Size], "s-2", 0, 1, second[0].EventId, second[0].EventType, 1, second[0].Data.Span, EventMetadataCodec.Encode(second[0].Metadata), hash);
        Assert.Equal(hash, _hasher.HashOf(0).ToArray());
        _hasher.Finish();
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    public void A_failure_while_hashing_reaches_the_caller_as_it_was_inline_or_threaded_and_the_next_append_still_works(int count)
    {
        // An event without a type cannot be hashed; the store's validation never lets one this far.
        var events = Events(count);
        events[count / 2] = events[count / 2] with { EventType = null! };
        _hasher.Begin("s-1", 0, 1, new byte[EventHash.Size], events, 1);
        Assert.Equal(EventHash.Size, _hasher.HashOf((count / 2) - 1).Length);
        Assert.Throws<ArgumentNullException>(() => _hasher.HashOf(count / 2));
        _hasher.Finish();

        _hasher.Begin("s-1", 0, 1, new byte[EventHash.Size], Events(1000), 1);
        Assert.Equal(EventHash.Size, _hasher.HashOf(999).Length);
        _hasher.Finish();
    }

    [Fact]
    public void A_list_that_is_neither_array_nor_List_is_copied_on_the_callers_thread_and_its_failure_changes_nothing()
    {
        var failing = new FailingList(Events(1000), failAt: 500);
        Assert.Throws<InvalidDataException>(() => _hasher.Begin("s-1", 0, 1, new byte[EventHash.Size], failing, 1));

        var events = Events(1000);
        _hasher.Begin("s-1", 0, 1, new byte[EventHash.Size], new FailingList(events, failAt: -1), 1);
        var expected = new byte[EventHash.Size];
        EventHash.Compute(new byte[EventHash.Size], "s-1", 0, 1, events[0].EventId, events[0].EventType, 1, events[0].Data.Span, EventMetadataCodec.Encode(events[0].Metadata), expected);
        Assert.Equal(expected, _hasher.HashOf(0).ToArray());
        Assert.Equal(EventHash.Size, _hasher.HashOf(999).Length);
        _hasher.Finish();
    }

    [Theory]
    [InlineData(10)]
    [InlineData(5000)]
    public void The_after_hashing_work_runs_once_when_every_event_is_hashed_and_Complete_waits_for_it(int count)
    {
        var runs = 0;
        var hashedBefore = false;
        var events = Events(count);
        _hasher.Begin("s-1", 0, 1, new byte[EventHash.Size], events, 1, hashed =>
        {
            Assert.Equal(events.Select(e => e.EventId), hashed.Select(e => e.EventId));
            // The last hash is there already: reading it cannot wait on the very thread that runs this.
            hashedBefore = _hasher.HashOf(count - 1).Length == EventHash.Size;
            Interlocked.Increment(ref runs);
        });
        _ = _hasher.HashOf(count - 1);
        _hasher.Complete();

        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.True(hashedBefore);
        _hasher.Finish();
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    public void The_after_hashing_work_does_not_run_when_hashing_fails(int count)
    {
        var runs = 0;
        var events = Events(count);
        events[count / 2] = events[count / 2] with { EventType = null! };
        _hasher.Begin("s-1", 0, 1, new byte[EventHash.Size], events, 1, _ => Interlocked.Increment(ref runs));
        Assert.Throws<ArgumentNullException>(() => _hasher.HashOf(count / 2));
        _hasher.Complete();

        Assert.Equal(0, Volatile.Read(ref runs));
        _hasher.Finish();
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    public void A_failure_of_the_after_hashing_work_reaches_Complete_and_the_next_append_still_works(int count)
    {
        _hasher.Begin("s-1", 0, 1, new byte[EventHash.Size], Events(count), 1, _ => throw new InvalidOperationException("staging failed"));
        Assert.Equal(EventHash.Size, _hasher.HashOf(count - 1).Length);
        Assert.Equal("staging failed", Assert.Throws<InvalidOperationException>(_hasher.Complete).Message);
        _hasher.Finish();

        var runs = 0;
        _hasher.Begin("s-1", 0, 1, new byte[EventHash.Size], Events(count), 1, _ => runs++);
        _ = _hasher.HashOf(count - 1);
        _hasher.Complete();
        Assert.Equal(1, runs);
        _hasher.Finish();
    }

    public void Dispose() => _hasher.Dispose();

    private static EventData[] Events(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new EventData(Guid.NewGuid(), i % 3 == 0 ? "A" : "B", System.Text.Encoding.UTF8.GetBytes($"{{\"i\":{i}}}"), i % 2 == 0 ? Shared : EventMetadata.Empty))];

    /// <summary>A list whose element <c>failAt</c> cannot be read, as a broken source of events would.</summary>
    private sealed class FailingList(EventData[] events, int failAt) : IReadOnlyList<EventData>
    {
        public int Count => events.Length;

        public EventData this[int index] => index == failAt ? throw new InvalidDataException($"event {index} is unreadable") : events[index];

        public IEnumerator<EventData> GetEnumerator() => Enumerable.Range(0, Count).Select(i => this[i]).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
