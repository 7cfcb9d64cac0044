using Real.EventStore;
using Real.EventStore.Postgres;
using Real.EventStore.Sqlite;

namespace Real.Hosting;

/// <summary>
/// Opens the event store the settings name: the embedded SQLite file at <see cref="RealSettings.SqlitePath"/> (the
/// home directory is created when missing) or PostgreSQL at <see cref="RealSettings.PostgresConnectionString"/>.
/// The schema is applied on first use; the caller owns (and disposes) the store.
/// </summary>
public static class EventStoreFactory
{
    public static IEventStore Create(RealSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.StoreBackend)
        {
            case "sqlite":
                Directory.CreateDirectory(settings.Home);
                return new SqliteEventStore(settings.SqlitePath);
            case "postgres":
                if (string.IsNullOrWhiteSpace(settings.PostgresConnectionString))
                {
                    throw new ArgumentException("The postgres store needs a connection string: pass --pg or set REAL_PG (make services-up prints one).");
                }

                return new PostgresEventStore(settings.PostgresConnectionString);
            default:
                throw new ArgumentException($"Unknown store backend '{settings.StoreBackend}': use sqlite or postgres.");
        }
    }

    /// <summary>Creates the store and applies its schema now, so a bad path or connection string fails here, clearly.</summary>
    public static async Task<IEventStore> OpenAsync(RealSettings settings, CancellationToken cancellationToken = default)
    {
        var store = Create(settings);
        try
        {
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }

            throw;
        }
    }
}
