using System.Text;
using Dapper;
using Real.EventStore.Integrity;

namespace Real.EventStore.Tests.Conformance;

/// <summary>The hash chain: an intact log verifies; editing, deleting or swapping rows behind the store's back is named.</summary>
public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task An_intact_log_verifies_and_reports_its_head_hash()
    {
        await AppendTenEventsAsync();

        var result = await VerifyAsync();

        Assert.True(result.IsIntact, result.Violation?.Reason);
        Assert.Equal(10, result.EventsChecked);
        Assert.Equal(10, result.HeadPosition);
        Assert.Equal((await ReadAllAsync()).Last().Hash.ToArray(), result.HeadHash.ToArray());
    }

    [Fact]
    public async Task An_empty_log_verifies()
    {
        var result = await VerifyAsync();

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.EventsChecked);
        Assert.Equal(EventHash.Genesis.ToArray(), result.HeadHash.ToArray());
    }

    [Fact]
    public async Task The_append_only_guard_refuses_updates_and_deletes()
    {
        await AppendTenEventsAsync();
        await using var connection = await OpenRawConnectionAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("UPDATE events SET data = @data WHERE position = 3", new { data = "{}"u8.ToArray() }));
        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("DELETE FROM events WHERE position = 3"));
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Editing_an_events_data_in_sql_is_named_at_its_position()
    {
        await AppendTenEventsAsync();
        await TamperAsync("UPDATE events SET data = @data WHERE position = 4", new { data = Encoding.UTF8.GetBytes("{\"n\":99}") });

        var result = await VerifyAsync();

        Assert.Equal(ChainViolationKind.Altered, result.Violation?.Kind);
        Assert.Equal(4, result.Violation?.Position);
        Assert.Equal(3, result.EventsChecked);
    }

    [Fact]
    public async Task Editing_an_events_type_is_named_at_its_position()
    {
        await AppendTenEventsAsync();
        await TamperAsync("UPDATE events SET event_type = 'Forged' WHERE position = 7");
        await TamperAsync(EditMetadataSql, new { position = 9, metadata = "{\"schemaVersion\":2}"u8.ToArray() });

        var result = await VerifyAsync();

        Assert.Equal(7, result.Violation?.Position);
        Assert.Contains("Forged", result.Violation?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_an_events_metadata_is_named_at_its_position()
    {
        await AppendTenEventsAsync();
        await TamperAsync(EditMetadataSql, new { position = 9, metadata = "{\"schemaVersion\":2}"u8.ToArray() });

        var result = await VerifyAsync();

        Assert.Equal(ChainViolationKind.Altered, result.Violation?.Kind);
        Assert.Equal(9, result.Violation?.Position);
        Assert.Equal(8, result.EventsChecked);
        Assert.Equal(2, (await ReadAllAsync()).Single(e => e.GlobalPosition == 9).Metadata.SchemaVersion);
    }

    [Fact]
    public async Task Deleting_an_event_is_named_at_the_missing_position()
    {
        await AppendTenEventsAsync();
        await TamperAsync("DELETE FROM events WHERE position = 6");

        var result = await VerifyAsync();

        Assert.Equal(ChainViolationKind.Removed, result.Violation?.Kind);
        Assert.Equal(6, result.Violation?.Position);
    }

    [Fact]
    public async Task Reads_across_gaps_left_by_deleted_events_skip_and_repeat_nothing()
    {
        // Pages are read ahead at guessed keys (positions and revisions are dense); gaps must not fool them.
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, NewEvents(60));
        int[] deleted = [3, 7, 8, 20, 21, 22, 23, 24, 25, 26, 27, 28, 41, 60];
        foreach (var position in deleted)
        {
            await TamperAsync($"DELETE FROM events WHERE position = {position}");
        }

        var left = Enumerable.Range(1, 60).Except(deleted).Select(p => (long)p).ToList();
        Assert.Equal(left, (await ReadAllAsync()).Select(e => e.GlobalPosition));
        Assert.Equal(left.Where(p => p > 5), (await ReadAllAsync(after: 5)).Select(e => e.GlobalPosition));
        Assert.Equal(left.Take(20), (await ReadAllAsync(max: 20)).Select(e => e.GlobalPosition));
        Assert.Equal(left.Select(p => p - 1), (await ReadStreamAsync(stream)).Select(e => e.Revision));
        Assert.Equal(left.Select(p => p - 1).Reverse(), (await ReadStreamAsync(stream, Direction.Backwards, from: 59)).Select(e => e.Revision));
        Assert.Equal(left, (await Store.ReadCategoryAsync("test").ToListAsync()).Select(e => e.GlobalPosition));
    }

    [Fact]
    public async Task Deleting_the_last_events_is_named_against_the_log_head()
    {
        await AppendTenEventsAsync();
        await TamperAsync("DELETE FROM events WHERE position >= 9");

        var result = await VerifyAsync();

        Assert.Equal(ChainViolationKind.Removed, result.Violation?.Kind);
        Assert.Equal(9, result.Violation?.Position);
    }

    [Fact]
    public async Task Swapping_two_events_data_is_named_at_the_first_of_them()
    {
        await AppendTenEventsAsync();
        await using (var connection = await OpenRawConnectionAsync())
        {
            var three = await connection.QuerySingleAsync<byte[]>("SELECT data FROM events WHERE position = 3");
            var eight = await connection.QuerySingleAsync<byte[]>("SELECT data FROM events WHERE position = 8");
            await TamperAsync("UPDATE events SET data = @data WHERE position = 3", new { data = eight });
            await TamperAsync("UPDATE events SET data = @data WHERE position = 8", new { data = three });
        }

        var result = await VerifyAsync();

        Assert.Equal(3, result.Violation?.Position);
    }

    [Fact]
    public async Task A_chain_rebuilt_after_an_edit_is_caught_by_the_recorded_head_hash()
    {
        await AppendTenEventsAsync();
        var recorded = await VerifyAsync();

        var same = await new ChainVerifier(Store).VerifyAsync(recorded.HeadHash);
        var forged = await new ChainVerifier(Store).VerifyAsync(new byte[32]);

        Assert.True(same.IsIntact);
        Assert.Equal(ChainViolationKind.HeadMismatch, forged.Violation?.Kind);
    }

    private async Task AppendTenEventsAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.AppendToStreamAsync($"tamper-{i % 2}", ExpectedRevision.Any, NewEvents(2), CancellationToken.None);
        }
    }

    /// <summary>Runs SQL against the storage with the append-only guard dropped, as an editor with write access could.</summary>
    private async Task TamperAsync(string sql, object? parameters = null)
    {
        await using var connection = await OpenRawConnectionAsync();
        await connection.ExecuteAsync(DropAppendOnlyGuardSql);
        await connection.ExecuteAsync(sql, parameters);
    }
}
