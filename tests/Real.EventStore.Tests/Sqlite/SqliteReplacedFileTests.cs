using Dapper;
using Microsoft.Data.Sqlite;
using Real.EventStore.Sqlite;
using Real.Testing;

namespace Real.EventStore.Tests.Sqlite;

/// <summary>
/// The writer keeps what it knows of the event ids in memory (filter and recent tier). When the file underneath is
/// replaced by another history — restored from a backup through SQLite's backup API, while the store is open — that
/// knowledge is stale, and the hash chain must reveal it: an id the new file holds must still be found, whether the
/// restored log is shorter, as long or longer, and whether ids were merged into event_ids or not.
/// </summary>
public sealed class SqliteReplacedFileTests : IDisposable
{
    private readonly TempDirectory _directory = new("real-store-replaced");

    [Theory]
    [InlineData(2, 65536)]
    [InlineData(3, 65536)]
    [InlineData(4, 65536)]
    [InlineData(3, 2)]
    [InlineData(5, 2)]
    public async Task An_id_of_a_history_restored_under_a_live_store_is_still_found(int restoredEvents, int recentIds)
    {
        var options = new SqliteEventStoreOptions { RecentEventIdsBeforeMerge = recentIds };
        var restored = new EventData(Guid.NewGuid(), "Something", "{\"from\":\"backup\"}"u8.ToArray());
        var backupPath = _directory.File("backup.db");
        await using (var backup = new SqliteEventStore(backupPath, options))
        {
            await backup.AppendToStreamAsync("s-1", ExpectedRevision.Any, [restored, Event()]);
            if (restoredEvents > 2)
            {
                await backup.AppendToStreamAsync("s-1", ExpectedRevision.Any, [.. Enumerable.Range(0, restoredEvents - 2).Select(_ => Event())]);
            }
        }

        // The live store's own history: three events in two appends (with 2 recent ids, the second one merges first).
        var livePath = _directory.File("live.db");
        await using var live = new SqliteEventStore(livePath, options);
        await live.AppendToStreamAsync("s-1", ExpectedRevision.Any, [Event(), Event()]);
        await live.AppendToStreamAsync("s-1", ExpectedRevision.Any, [Event()]);

        using (var source = new SqliteConnection($"Data Source={backupPath};Pooling=False"))
        using (var destination = new SqliteConnection($"Data Source={livePath};Pooling=False"))
        {
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
        }

        var repeat = await live.AppendToStreamAsync("s-1", ExpectedRevision.Any, [restored]);

        Assert.Equal(0, repeat.AppendedCount);
        Assert.Equal(restoredEvents - 1, repeat.NextExpectedRevision);
    }

    [Fact]
    public async Task An_id_stored_twice_behind_the_stores_back_stops_appends_with_a_clear_error()
    {
        var path = _directory.File("events.db");
        await using var store = new SqliteEventStore(path);
        var first = Event();
        await store.AppendToStreamAsync("s-1", ExpectedRevision.Any, [first, Event()]);
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            raw.Execute(
                "INSERT INTO events SELECT 3, stream, 2, category, event_id, event_type, data, metadata, created_us, hash, metadata_id FROM events WHERE position = 1; " +
                "UPDATE log_head SET position = 3");
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.AppendToStreamAsync("s-1", ExpectedRevision.Any, [Event()]));

        Assert.Contains($"Event id {first.EventId} is stored twice, at positions 1 and 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("real verify", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static EventData Event() => new(Guid.NewGuid(), "Something", "{}"u8.ToArray());
}
