using Dapper;
using Npgsql;
using Real.EventStore.Postgres;
using Real.EventStore.Tests.Conformance;

namespace Real.EventStore.Tests.Postgres;

/// <summary>A database whose schema a newer Real wrote must be refused with a clear message, as on SQLite.</summary>
public sealed class PostgresSchemaVersionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly string _schema = $"v_{Guid.NewGuid():N}";

    [Fact]
    public async Task A_database_with_a_newer_schema_is_refused()
    {
        await using (var store = new PostgresEventStore(database.ConnectionString, new PostgresEventStoreOptions { Schema = _schema }))
        {
            await store.InitializeAsync();
        }

        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = _schema }.ConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name) VALUES (999, '999_future.sql')");
        }

        await using var newer = new PostgresEventStore(database.ConnectionString, new PostgresEventStoreOptions { Schema = _schema });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync());

        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
    }
}
