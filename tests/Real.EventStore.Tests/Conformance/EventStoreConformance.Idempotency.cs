namespace Real.EventStore.Tests.Conformance;

/// <summary>Idempotent append by event id: the same id with the same content is a no-op, anything else an error.</summary>
public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task Repeated_idempotent_writes_with_the_same_expected_revision_append_once()
    {
        var stream = NewStream();
        var events = NewEvents(3);
        var first = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);
        var second = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);
        var third = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);

        Assert.Equal(3, first.AppendedCount);
        Assert.Equal(new AppendResult(2, 3, 0), second);
        Assert.Equal(new AppendResult(2, 3, 0), third);
        Assert.Equal(3, (await ReadAllAsync()).Count);
    }

    [Theory]
    [InlineData("any")]
    [InlineData("exact-stale")]
    [InlineData("exact-current")]
    [InlineData("stream-exists")]
    public async Task A_repeat_is_a_no_op_whatever_the_expected_revision(string expectation)
    {
        var stream = NewStream();
        var events = NewEvents(2);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), NewEvents(1));
        var expected = expectation switch
        {
            "any" => ExpectedRevision.Any,
            "exact-stale" => ExpectedRevision.Exact(0),
            "exact-current" => ExpectedRevision.Exact(2),
            _ => ExpectedRevision.StreamExists,
        };

        var result = await Store.AppendToStreamAsync(stream, expected, events);

        Assert.Equal(new AppendResult(2, 3, 0), result);
        Assert.Equal(3, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task The_same_id_with_other_data_is_a_duplicate_and_writes_nothing()
    {
        var stream = NewStream();
        var original = NewEvent(json: "{\"a\":1}");
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [original]);

        var error = await Assert.ThrowsAsync<DuplicateEventIdException>(() =>
            Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [NewEvent(), original with { Data = "{\"a\":2}"u8.ToArray() }]));

        Assert.Equal(original.EventId, error.EventId);
        Assert.Contains("different data", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task The_same_id_with_another_type_is_a_duplicate()
    {
        var stream = NewStream();
        var original = NewEvent(type: "First");
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [original]);

        var error = await Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [original with { EventType = "Second" }]));

        Assert.Contains("'First' stored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_id_in_another_stream_is_a_duplicate()
    {
        var original = NewEvent();
        var first = NewStream();
        await Store.AppendToStreamAsync(first, ExpectedRevision.Any, [original]);
        var other = NewStream();

        var error = await Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendToStreamAsync(other, ExpectedRevision.Any, [original]));

        Assert.Equal(other, error.Stream);
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetStreamRevisionAsync(other));
    }

    [Fact]
    public async Task Repeats_mixed_with_new_events_append_only_the_new_ones()
    {
        var stream = NewStream();
        var events = NewEvents(3);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, events[..2]);

        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), events[1..]);

        Assert.Equal(new AppendResult(2, 3, 1), result);
        Assert.Equal(events.Select(e => e.EventId), (await ReadStreamAsync(stream)).Select(e => e.EventId));
    }

    [Fact]
    public async Task An_id_twice_in_one_append_is_stored_once_or_refused_when_the_content_differs()
    {
        var stream = NewStream();
        var e = NewEvent();

        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [e, NewEvent(), e]);
        var id = Guid.NewGuid();
        await Assert.ThrowsAsync<DuplicateEventIdException>(() =>
            Store.AppendToStreamAsync(NewStream(), ExpectedRevision.Any, [NewEvent(id: id, json: "{\"a\":1}"), NewEvent(id: id, json: "{\"a\":2}")]));

        Assert.Equal(2, result.AppendedCount);
        Assert.Equal(2, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task Metadata_is_not_part_of_the_content_compared_for_idempotency()
    {
        var stream = NewStream();
        var e = NewEvent(metadata: new EventMetadata { CorrelationId = "first-delivery" });
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [e]);

        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [e with { Metadata = new EventMetadata { CorrelationId = "redelivery" } }]);

        Assert.Equal(0, result.AppendedCount);
        Assert.Equal("first-delivery", (await ReadStreamAsync(stream)).Single().Metadata.CorrelationId);
    }
}
