namespace Real.EventStore.Tests.Conformance;

/// <summary>Expected-revision cases, including those of EventStoreDB's client tests.</summary>
public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task No_stream_on_a_new_stream_appends_from_revision_0()
    {
        var stream = NewStream();
        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, NewEvents(3));

        Assert.Equal(new AppendResult(2, 3, 3), result);
        Assert.Equal(2, await Store.GetStreamRevisionAsync(stream));
        Assert.Equal([0L, 1, 2], (await ReadStreamAsync(stream)).Select(e => e.Revision));
    }

    [Fact]
    public async Task No_stream_on_an_existing_stream_fails_with_the_actual_revision()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, NewEvents(2));

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, NewEvents(1)));

        Assert.Equal(stream, error.Stream);
        Assert.Equal(ExpectedRevision.NoStream, error.Expected);
        Assert.Equal(1, error.Actual);
        Assert.Equal(2, (await ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task Any_then_next_appends_both()
    {
        var stream = NewStream();
        var first = await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, NewEvents(1));
        var second = await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, NewEvents(1));

        Assert.Equal(0, first.NextExpectedRevision);
        Assert.Equal(1, second.NextExpectedRevision);
        Assert.Equal(2, second.LastGlobalPosition);
    }

    [Fact]
    public async Task No_stream_then_next_exact_revision_appends()
    {
        var stream = NewStream();
        var first = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, NewEvents(1));
        var second = await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(first.NextExpectedRevision), NewEvents(2));

        Assert.Equal(2, second.NextExpectedRevision);
        Assert.Equal(3, (await ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task Stream_exists_on_a_missing_stream_fails_with_no_actual_revision()
    {
        var stream = NewStream();

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendToStreamAsync(stream, ExpectedRevision.StreamExists, NewEvents(1)));

        Assert.Equal(ExpectedRevision.StreamExists, error.Expected);
        Assert.Null(error.Actual);
        Assert.Null(await Store.GetStreamRevisionAsync(stream));
    }

    [Fact]
    public async Task Stream_exists_on_an_existing_stream_appends()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, NewEvents(1));

        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.StreamExists, NewEvents(1));

        Assert.Equal(1, result.NextExpectedRevision);
    }

    [Fact]
    public async Task Exact_revision_mismatch_fails_with_expected_and_actual_and_writes_nothing()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, NewEvents(3));

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), NewEvents(2)));

        Assert.Equal(ExpectedRevision.Exact(1), error.Expected);
        Assert.Equal(2, error.Actual);
        Assert.Contains("expected revision 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task Exact_revision_on_a_missing_stream_fails_with_no_actual_revision()
    {
        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendToStreamAsync(NewStream(), ExpectedRevision.Exact(0), NewEvents(1)));

        Assert.Null(error.Actual);
    }

    [Fact]
    public async Task Zero_events_create_nothing_even_when_repeated()
    {
        var stream = NewStream();
        var first = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, []);
        var again = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, []);

        Assert.Equal(new AppendResult(-1, 0, 0), first);
        Assert.Equal(new AppendResult(-1, 0, 0), again);
        Assert.Null(await Store.GetStreamRevisionAsync(stream));
        Assert.Empty(await ReadStreamAsync(stream));
        Assert.Equal(0, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task Zero_events_still_check_the_expected_revision()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, NewEvents(2));

        var ok = await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), []);
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(5), []));

        Assert.Equal(new AppendResult(1, 2, 0), ok);
    }

    [Fact]
    public async Task Append_returns_the_global_position_across_streams()
    {
        var a = NewStream();
        var b = NewStream();
        await Store.AppendToStreamAsync(a, ExpectedRevision.Any, NewEvents(2));
        var result = await Store.AppendToStreamAsync(b, ExpectedRevision.NoStream, NewEvents(3));
        var next = await Store.AppendToStreamAsync(a, ExpectedRevision.Exact(1), NewEvents(1));

        Assert.Equal(new AppendResult(2, 5, 3), result);
        Assert.Equal(new AppendResult(2, 6, 1), next);
        Assert.Equal(6, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task Reserved_and_invalid_input_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendToStreamAsync("$all", ExpectedRevision.Any, NewEvents(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendToStreamAsync(NewStream(), ExpectedRevision.Any, [NewEvent(id: Guid.Empty)]));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendToStreamAsync(NewStream(), ExpectedRevision.Any, [NewEvent(type: " ")]));
        Assert.Equal(0, await Store.GetHeadPositionAsync());
    }
}
