using System.Text;

namespace Real.EventStore.Tests.Conformance;

/// <summary>Stream, $all and category reads; with the tiny test page size every read here crosses pages.</summary>
public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task A_stream_reads_forwards_from_a_revision_with_a_max_count()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, NewEvents(20));
        await Store.AppendToStreamAsync(NewStream(), ExpectedRevision.NoStream, NewEvents(5));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), (await ReadStreamAsync(stream)).Select(e => e.Revision));
        Assert.Equal(Enumerable.Range(5, 15).Select(i => (long)i), (await ReadStreamAsync(stream, from: 5)).Select(e => e.Revision));
        Assert.Equal(Enumerable.Range(5, 9).Select(i => (long)i), (await ReadStreamAsync(stream, from: 5, max: 9)).Select(e => e.Revision));
        Assert.Empty(await ReadStreamAsync(stream, from: 20));
        Assert.Empty(await ReadStreamAsync(stream, max: 0));
    }

    [Fact]
    public async Task A_stream_reads_backwards_from_the_end_or_a_revision()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, NewEvents(20));

        Assert.Equal(Enumerable.Range(0, 20).Reverse().Select(i => (long)i), (await ReadStreamAsync(stream, Direction.Backwards)).Select(e => e.Revision));
        Assert.Equal([12L, 11, 10], (await ReadStreamAsync(stream, Direction.Backwards, from: 12, max: 3)).Select(e => e.Revision));
        Assert.Equal([0L], (await Store.ReadStreamAsync(stream, Direction.Backwards, 0).ToListAsync()).Select(e => e.Revision));
    }

    [Fact]
    public async Task A_missing_stream_reads_as_empty_and_has_no_revision()
    {
        await Store.AppendToStreamAsync(NewStream(), ExpectedRevision.NoStream, NewEvents(2));
        var missing = NewStream();

        Assert.Empty(await ReadStreamAsync(missing));
        Assert.Empty(await ReadStreamAsync(missing, Direction.Backwards));
        Assert.Null(await Store.GetStreamRevisionAsync(missing));
    }

    [Fact]
    public async Task All_reads_in_global_order_after_a_position_with_paging()
    {
        var a = NewStream();
        var b = NewStream();
        for (var i = 0; i < 10; i++)
        {
            await Store.AppendToStreamAsync(i % 2 == 0 ? a : b, ExpectedRevision.Any, NewEvents(3));
        }

        var all = await ReadAllAsync();

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), all.Select(e => e.GlobalPosition));
        Assert.Equal(Enumerable.Range(13, 18).Select(i => (long)i), (await ReadAllAsync(after: 12)).Select(e => e.GlobalPosition));
        Assert.Equal(Enumerable.Range(13, 10).Select(i => (long)i), (await ReadAllAsync(after: 12, max: 10)).Select(e => e.GlobalPosition));
        Assert.Empty(await ReadAllAsync(after: 30));
        Assert.Equal(30, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task A_category_holds_the_streams_whose_prefix_before_the_first_dash_matches()
    {
        await Store.AppendToStreamAsync("order-1", ExpectedRevision.Any, NewEvents(4));
        await Store.AppendToStreamAsync("orderline-1", ExpectedRevision.Any, NewEvents(3));
        await Store.AppendToStreamAsync("order-2-a", ExpectedRevision.Any, NewEvents(4));
        await Store.AppendToStreamAsync("order", ExpectedRevision.Any, NewEvents(2));
        await Store.AppendToStreamAsync("order-1", ExpectedRevision.Any, NewEvents(4));

        var order = await Store.ReadCategoryAsync("order").ToListAsync();

        Assert.Equal(14, order.Count);
        Assert.All(order, e => Assert.Equal("order", StreamName.Category(e.Stream)));
        Assert.Equal(order.Select(e => e.GlobalPosition).Order(), order.Select(e => e.GlobalPosition));
        Assert.Equal(order.Where(e => e.GlobalPosition > 8).Select(e => e.EventId), (await Store.ReadCategoryAsync("order", afterPosition: 8).ToListAsync()).Select(e => e.EventId));
        Assert.Equal(5, (await Store.ReadCategoryAsync("order", 0, maxCount: 5).ToListAsync()).Count);
        Assert.Equal(3, (await Store.ReadCategoryAsync("orderline").ToListAsync()).Count);
        Assert.Empty(await Store.ReadCategoryAsync("nothing").ToListAsync());
    }

    [Fact]
    public async Task The_envelope_round_trips_exactly()
    {
        var stream = "dataset-ünïcødé-✓";
        var json = "{ \"b\" : 2,\n  \"a\":1 }";
        var metadata = new EventMetadata
        {
            CorrelationId = "corr-1",
            CausationId = "cause-1",
            SourceMessageId = "msg-1",
            ProducingService = "rating-intake",
            SchemaVersion = 3,
        };
        var e = new EventData(Guid.NewGuid(), "RatingRecorded", Encoding.UTF8.GetBytes(json), metadata);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [e]);
        var read = (await ReadStreamAsync(stream)).Single();

        Assert.Equal(e.EventId, read.EventId);
        Assert.Equal("RatingRecorded", read.EventType);
        Assert.Equal(json, Encoding.UTF8.GetString(read.Data.Span));
        Assert.Equal(metadata, read.Metadata);
        Assert.Equal(stream, read.Stream);
        Assert.Equal("dataset", StreamName.Category(read.Stream));
        Assert.InRange(read.Created, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(0, read.Created.Ticks % TimeSpan.TicksPerMicrosecond);
        Assert.Equal(32, read.Hash.Length);
        Assert.Equal((await ReadAllAsync()).Single(), read, RecordedEventComparer.Instance);
    }

    [Fact]
    public async Task Large_events_next_to_small_ones_round_trip_byte_for_byte_and_keep_the_chain()
    {
        // Sizes around the backends' write buffers (PostgreSQL's COPY buffer is 32 KiB): rows that fill one up,
        // rows larger than one, and small rows buffered before and after them.
        var stream = NewStream();
        var sizes = new[] { 10, 32 * 1024, 10, 100_000, 20, 40_000, 5, 32 * 1024 - 200, 7 };
        var events = sizes.Select((size, i) => NewEvent(json: $"{{\"n\":{i},\"pad\":\"{new string((char)('a' + i), size)}é\"}}")).ToArray();

        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [.. NewEvents(30), .. events, .. NewEvents(30)]);
        var read = (await ReadStreamAsync(stream)).Skip(30).Take(events.Length).ToList();

        Assert.Equal(events.Select(e => e.EventId), read.Select(e => e.EventId));
        Assert.All(events.Zip(read), pair => Assert.True(pair.First.Data.Span.SequenceEqual(pair.Second.Data.Span)));
        Assert.True((await VerifyAsync()).IsIntact);
    }
}
