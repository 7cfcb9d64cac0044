using System.Data.Common;
using Microsoft.Data.Sqlite;
using Real.EventStore.Sqlite;
using Real.Testing;

namespace Real.EventStore.Tests.Conformance;

/// <summary>The conformance suite on the embedded SQLite store: a fresh database file per test.</summary>
public sealed class SqliteConformanceTests : EventStoreConformance
{
    /// <summary>Tiny, so that almost every test merges recent event ids into event_ids and looks ids up in both tiers.</summary>
    private const int RecentIds = 3;

    private TempDirectory? _directory;

    private string DatabasePath => _directory!.File("events.db");

    protected override string DropAppendOnlyGuardSql =>
        "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete; " +
        "DROP TRIGGER IF EXISTS event_metadata_no_update; DROP TRIGGER IF EXISTS event_metadata_no_delete;";

    // Metadata shared by a run of events lives in event_metadata (Scripts/003); an event alone keeps it inline.
    protected override string EditMetadataSql =>
        "UPDATE event_metadata SET metadata = @metadata WHERE id = (SELECT metadata_id FROM events WHERE position = @position); " +
        "UPDATE events SET metadata = @metadata WHERE position = @position AND metadata_id IS NULL;";

    protected override Task CreateStorageAsync()
    {
        _directory = new TempDirectory("real-store");
        return Task.CompletedTask;
    }

    protected override Task DeleteStorageAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory?.Dispose();
        return Task.CompletedTask;
    }

    protected override IEventStore NewStoreInstance() =>
        new SqliteEventStore(DatabasePath, new SqliteEventStoreOptions { ReadPageSize = TestPageSize, Synchronous = "NORMAL", RecentEventIdsBeforeMerge = RecentIds });

    protected override async Task<DbConnection> OpenRawConnectionAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
