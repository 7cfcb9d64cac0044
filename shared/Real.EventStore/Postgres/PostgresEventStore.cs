using Dapper;
using Npgsql;
using Real.EventStore.Storage;
using Real.EventStore.Subscriptions;

namespace Real.EventStore.Postgres;

/// <summary>
/// The event store on PostgreSQL. Every append locks the single log_head row first (SELECT ... FOR UPDATE), so
/// appends assign global positions and commit strictly one after another: a reader never sees position n+1 before
/// n is visible, and the hash chain always extends the committed head (see docs/event-store.md for why this was
/// chosen over Message DB's advisory locks or a Marten-style high-water mark). The schema is created on first use
/// (or by <see cref="InitializeAsync"/>).
/// </summary>
public sealed partial class PostgresEventStore : IEventStore, IAppendNotifier, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresEventStoreOptions _options;
    private readonly TimeProvider _clock;
    private readonly AppendSignal _appended = new();
    private readonly OnceAsync _initialization;

    public PostgresEventStore(string connectionString, PostgresEventStoreOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _options = options ?? new PostgresEventStoreOptions();
        _clock = clock ?? TimeProvider.System;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (_options.Schema is not null)
        {
            builder.SearchPath = _options.Schema;
        }

        if (builder.MaxAutoPrepare == 0)
        {
            // The store runs a handful of statements over and over: let Npgsql keep them prepared per connection.
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
        }

        ConnectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(builder);
        _initialization = new OnceAsync(() => PostgresSchema.ApplyAsync(_dataSource, _options.Schema, CancellationToken.None));
    }

    /// <summary>The effective connection string (with the schema as search path).</summary>
    public string ConnectionString { get; }

    public string Backend => "postgres";

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initialization.RunAsync(cancellationToken);

    public Task WaitForAppendAsync(long afterPosition, CancellationToken cancellationToken) =>
        _appended.WaitForAppendAsync(afterPosition, cancellationToken);

    public async Task<long?> LoadCheckpointAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        await InitializeAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition("SELECT position FROM checkpoints WHERE subscription_id = @subscriptionId", new { subscriptionId }, cancellationToken: cancellationToken));
    }

    public async Task StoreCheckpointAsync(string subscriptionId, long position, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        await InitializeAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO checkpoints (subscription_id, position, updated) VALUES (@subscriptionId, @position, now()) " +
            "ON CONFLICT (subscription_id) DO UPDATE SET position = excluded.position, updated = excluded.updated",
            new { subscriptionId, position },
            cancellationToken: cancellationToken));
    }

    public async Task<long?> GetStreamRevisionAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        await InitializeAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(
            new CommandDefinition("SELECT max(revision) FROM events WHERE stream = @stream", new { stream }, cancellationToken: cancellationToken));
    }

    /// <summary>The log head's position: the last committed event, including one removed from the events table since.</summary>
    public async Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT position FROM log_head WHERE id = 1", cancellationToken: cancellationToken));
    }

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
