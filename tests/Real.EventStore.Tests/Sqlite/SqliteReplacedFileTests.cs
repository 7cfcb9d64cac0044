using Microsoft.Data.Sqlite;
using Real.EventStore.Sqlite;
using Real.Testing;

namespace Real.EventStore.Tests.Sqlite;

/// <summary>
/// The writer keeps what it knows of the event ids in memory (filter and recent tier). When the file underneath is
/// replaced by another history — restored from a backup through SQLite's backup API, while the store is open — that
/// knowledge is stale, and the hash chain must reveal it: an id the new file holds must still be found.
/// </summary>
public sealed class SqliteReplacedFileTests : IDisposable
{
    private readonly TempDirectory _directory = new("real-store-replaced");

    [Fact]
    public async Task An_id_of_a_history_restored_under_a_live_store_is_still_found()
    {
        var restored = new EventData(Guid.NewGuid(), "Something", "{\"from\":\"backup\"}"u8.ToArray());
        var backupPath = _directory.File("backup.db");
        await using (var backup = new SqliteEventStore(backupPath))
        {
            await backup.AppendToStreamAsync("s-1", ExpectedRevision.Any, [restored, Event(), Event(), Event()]);
        }

        var livePath = _directory.File("live.db");
        await using var live = new SqliteEventStore(livePath);
        await live.AppendToStreamAsync("s-1", ExpectedRevision.Any, [Event(), Event(), Event()]);

        // The live file now holds the backup's four events; the store's memory still describes its own three.
        using (var source = new SqliteConnection($"Data Source={backupPath};Pooling=False"))
        using (var destination = new SqliteConnection($"Data Source={livePath};Pooling=False"))
        {
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
        }

        var repeat = await live.AppendToStreamAsync("s-1", ExpectedRevision.Any, [restored]);

        Assert.Equal(0, repeat.AppendedCount);
        Assert.Equal(3, repeat.NextExpectedRevision);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static EventData Event() => new(Guid.NewGuid(), "Something", "{}"u8.ToArray());
}
