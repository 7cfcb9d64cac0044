using Dapper;
using Microsoft.Data.Sqlite;
using Real.EventStore.Storage;

namespace Real.EventStore.Sqlite;

/// <summary>
/// Applies Sqlite/Scripts/NNN_*.sql that are not applied yet, each in its own IMMEDIATE transaction together with
/// its row in schema_migrations, so two processes starting at once apply each script exactly once.
/// </summary>
internal static class SqliteSchema
{
    private const string CreateMigrationsTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_us INTEGER NOT NULL)";

    public static void Apply(SqliteConnection connection, TimeProvider clock)
    {
        connection.Execute(CreateMigrationsTable);
        var scripts = SchemaScript.For("Sqlite");
        // A store written by a newer Real may depend on rules this version does not keep (e.g. how event ids are
        // indexed): refuse it instead of appending in a way the newer version would not expect.
        var newest = connection.ExecuteScalar<long?>("SELECT max(version) FROM schema_migrations") ?? 0;
        if (scripts.Count > 0 && newest > scripts[^1].Version)
        {
            throw new InvalidOperationException(
                $"The event store has schema version {newest}, newer than this program knows ({scripts[^1].Version}): use the Real version that wrote it.");
        }

        foreach (var script in scripts)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var applied = connection.ExecuteScalar<long>(
                "SELECT count(*) FROM schema_migrations WHERE version = @Version", new { script.Version }, transaction);
            if (applied > 0)
            {
                continue;
            }

            connection.Execute(script.Sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_us) VALUES (@Version, @Name, @Applied)",
                new { script.Version, script.Name, Applied = Timestamps.NowMicroseconds(clock) },
                transaction);
            transaction.Commit();
        }
    }
}
