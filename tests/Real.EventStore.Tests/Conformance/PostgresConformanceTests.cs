using System.Data.Common;
using Npgsql;
using Real.EventStore.Postgres;

namespace Real.EventStore.Tests.Conformance;

/// <summary>
/// The conformance suite on PostgreSQL: one fresh database for the class (on the shared local server), and a fresh
/// schema per test inside it, so every test starts from an empty log at position 0.
/// </summary>
public sealed class PostgresConformanceTests(PostgresDatabaseFixture database) : EventStoreConformance, IClassFixture<PostgresDatabaseFixture>
{
    private readonly string _schema = $"t_{Guid.NewGuid():N}";

    protected override string DropAppendOnlyGuardSql => "DROP TRIGGER IF EXISTS events_append_only ON events";

    protected override string EditMetadataSql => "UPDATE events SET metadata = @metadata WHERE position = @position";

    protected override Task CreateStorageAsync() => Task.CompletedTask;

    protected override async Task DeleteStorageAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    protected override IEventStore NewStoreInstance() =>
        new PostgresEventStore(database.ConnectionString, new PostgresEventStoreOptions { Schema = _schema, ReadPageSize = TestPageSize });

    protected override async Task<DbConnection> OpenRawConnectionAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = _schema }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
