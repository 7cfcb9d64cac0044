using Dapper;
using Npgsql;
using Real.EventStore.Storage;

namespace Real.EventStore.Postgres;

/// <summary>
/// Applies Postgres/Scripts/NNN_*.sql that are not applied yet, each in one transaction with its schema_migrations
/// row, under a transaction-scoped advisory lock so concurrent start-ups apply each script exactly once.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Arbitrary constant naming the "schema migration" advisory lock ("REALSTOR").</summary>
    private const long MigrationLockKey = 0x5245414C53544F52;

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, string? schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (schema is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition($"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(schema)}", cancellationToken: cancellationToken));
        }

        var scripts = SchemaScript.For("Postgres");
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@MigrationLockKey)", new { MigrationLockKey }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())",
                transaction: transaction,
                cancellationToken: cancellationToken));

            // As on SQLite: a database written by a newer Real may depend on rules this version does not keep (e.g. how
            // event ids are indexed), so refuse it instead of appending in a way the newer version would not expect.
            // Read under the migration lock, so a migration by a newer version that holds it first is seen.
            var newest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT max(version) FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)) ?? 0;
            if (scripts.Count > 0 && newest > scripts[^1].Version)
            {
                throw new InvalidOperationException(
                    $"The event store has schema version {newest}, newer than this program knows ({scripts[^1].Version}): use the Real version that wrote it.");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var script in scripts)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@MigrationLockKey)", new { MigrationLockKey }, transaction, cancellationToken: cancellationToken));
            var applied = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = @Version)", new { script.Version }, transaction, cancellationToken: cancellationToken));
            if (applied)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)", new { script.Version, script.Name }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
