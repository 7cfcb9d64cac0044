using Dapper;
using Microsoft.Data.Sqlite;
using Real.EventStore.Sqlite;
using Real.EventStore.Storage;
using Real.Testing;

namespace Real.EventStore.Tests.Sqlite;

/// <summary>
/// A store written before Scripts/002 (one unique index on events.event_id) must keep its idempotency after the
/// upgrade moves its ids into event_ids; a store from a newer version must be refused with a clear message.
/// </summary>
public sealed class SqliteSchemaUpgradeTests : IDisposable
{
    private readonly TempDirectory _directory = new("real-store-upgrade");

    private string DatabasePath => _directory.File("events.db");

    [Fact]
    public async Task Ids_stored_before_the_tiered_index_are_still_found_after_the_upgrade()
    {
        var old = new EventData(Guid.NewGuid(), "Something", "{\"a\":1}"u8.ToArray());
        using (var connection = Open())
        {
            // What version 1 of the schema holds: script 001 only, and an event appended by that version.
            connection.Execute(SchemaScript.For("Sqlite")[0].Sql);
            connection.Execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_us INTEGER NOT NULL)");
            connection.Execute("INSERT INTO schema_migrations VALUES (1, '001_initial.sql', 0)");
            connection.Execute(
                "INSERT INTO events VALUES (1, 'old-1', 0, 'old', @id, 'Something', @data, '{}', 0, zeroblob(32))",
                new { id = old.EventId.ToByteArray(bigEndian: true), data = old.Data.ToArray() });
            connection.Execute("UPDATE log_head SET position = 1");
        }

        await using var store = new SqliteEventStore(DatabasePath, new SqliteEventStoreOptions { RecentEventIdsBeforeMerge = 2 });
        var repeat = await store.AppendToStreamAsync("old-1", ExpectedRevision.Any, [old]);
        var error = await Assert.ThrowsAsync<DuplicateEventIdException>(() => store.AppendToStreamAsync("new-1", ExpectedRevision.Any, [old]));
        var fresh = await store.AppendToStreamAsync("new-1", ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "Something", "{}"u8.ToArray())]);

        Assert.Equal(0, repeat.AppendedCount);
        Assert.Contains("old-1", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, fresh.LastGlobalPosition);
        using var check = Open();
        Assert.Equal(1, check.ExecuteScalar<long>("SELECT position FROM event_ids WHERE event_id = @id", new { id = old.EventId.ToByteArray(bigEndian: true) }));
        Assert.Equal(0, check.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'events_event_id'"));
    }

    [Fact]
    public async Task A_store_with_a_newer_schema_is_refused()
    {
        await using (var store = new SqliteEventStore(DatabasePath))
        {
            await store.InitializeAsync();
        }

        using (var connection = Open())
        {
            connection.Execute("INSERT INTO schema_migrations VALUES (999, '999_future.sql', 0)");
        }

        await using var newer = new SqliteEventStore(DatabasePath);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync());

        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}
