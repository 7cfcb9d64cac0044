namespace Real.EventStore.Tests.Conformance;

/// <summary>
/// Idempotency must not depend on what one store instance remembers: ids are found again after a restart, by a second
/// instance (another process) and however the backend indexes them (SQLite: in the recent tier or merged into
/// event_ids; the SQLite suite merges every few events, so these tests cross that boundary).
/// </summary>
public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task A_repeat_after_a_restart_is_a_no_op_and_other_content_is_a_duplicate()
    {
        var stream = NewStream();
        var events = NewEvents(20);
        for (var i = 0; i < events.Length; i += 4)
        {
            await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, events[i..(i + 4)]);
        }

        var restarted = await OpenStoreAsync();
        var repeat = await restarted.AppendToStreamAsync(stream, ExpectedRevision.Any, [events[0], events[9], events[19]]);
        var error = await Assert.ThrowsAsync<DuplicateEventIdException>(() =>
            restarted.AppendToStreamAsync(stream, ExpectedRevision.Any, [events[1] with { Data = "{\"n\":-1}"u8.ToArray() }]));

        Assert.Equal(0, repeat.AppendedCount);
        Assert.Equal(events[1].EventId, error.EventId);
        Assert.Equal(20, await restarted.GetHeadPositionAsync());
    }

    [Fact]
    public async Task Every_earlier_id_is_found_whether_old_or_recent_and_only_new_events_are_appended()
    {
        var stream = NewStream();
        var events = NewEvents(30);
        for (var i = 0; i < 25; i += 5)
        {
            await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, events[i..(i + 5)]);
        }

        // Old ids (long merged), the newest ones (still recent) and new ones, shuffled, in one append.
        EventData[] mixed = [events[26], events[0], events[24], events[12], events[25], events[3], events[23], events[27], events[28], events[29]];
        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, mixed);
        var again = await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, events);

        Assert.Equal(5, result.AppendedCount);
        Assert.Equal(0, again.AppendedCount);
        var stored = await ReadStreamAsync(stream);
        Assert.Equal(30, stored.Count);
        Assert.Equal(30, stored.Select(e => e.EventId).Distinct().Count());
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Two_instances_see_each_others_ids_in_every_tier()
    {
        var other = await OpenStoreAsync();
        var mine = NewEvents(12);
        var theirs = NewEvents(12);
        for (var i = 0; i < 12; i += 3)
        {
            // Interleaved, so each instance's view of the ids must catch up on what the other appended (and merged).
            await Store.AppendToStreamAsync(NewStream("mine"), ExpectedRevision.Any, mine[i..(i + 3)]);
            await other.AppendToStreamAsync(NewStream("theirs"), ExpectedRevision.Any, theirs[i..(i + 3)]);
        }

        var stream = NewStream();
        foreach (var id in new[] { theirs[0], theirs[11], theirs[5] })
        {
            await Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [NewEvent(), id]));
        }

        foreach (var id in new[] { mine[0], mine[11], mine[6] })
        {
            await Assert.ThrowsAsync<DuplicateEventIdException>(() => other.AppendToStreamAsync(stream, ExpectedRevision.Any, [id, NewEvent()]));
        }

        Assert.Equal(24, await Store.GetHeadPositionAsync());
        Assert.Null(await Store.GetStreamRevisionAsync(stream));
    }

    [Fact]
    public async Task A_refused_append_leaves_no_trace_in_the_id_index()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, NewEvents(4));
        var refused = NewEvents(4);

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, refused));
        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(3), refused);

        Assert.Equal(4, result.AppendedCount);
        Assert.Equal(8, (await ReadStreamAsync(stream)).Count);
    }
}
