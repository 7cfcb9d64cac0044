using Npgsql;
using Real.Testing;

namespace Real.EventStore.Tests.Conformance;

/// <summary>
/// A fresh, uniquely named PostgreSQL database for one test class on the shared local server, dropped afterwards.
/// Tests inside it isolate further with a schema each. Fails (never skips) when PostgreSQL is not configured.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    public string DatabaseName { get; } = $"real_store_test_{Guid.NewGuid():N}";

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var admin = LocalServices.PostgresAdminConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = DatabaseName, Pooling = true, MaxPoolSize = 40 }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(LocalServices.PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
