using Dapper;
using Microsoft.Data.Sqlite;
using Real.EventStore.Storage;
using Real.EventStore.Subscriptions;

namespace Real.EventStore.Sqlite;

/// <summary>
/// The embedded event store: one SQLite file in WAL mode. Appends in this process go through one writer connection
/// (a semaphore, so they queue instead of spinning on SQLite's lock) inside BEGIN IMMEDIATE transactions; other
/// processes writing the same file wait on SQLite's write lock. Reads use pooled connections and never block writers.
/// The schema is created on first use (or by <see cref="InitializeAsync"/>).
/// </summary>
public sealed partial class SqliteEventStore : IEventStore, IAppendNotifier, IAsyncDisposable, IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteEventStoreOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly AppendSignal _appended = new();
    private readonly OnceAsync _initialization;
    private readonly SqliteReadConnections _readConnections;
    private SqliteWriter? _writer;
    private SqliteCheckpointer? _checkpointer;
    private bool _disposed;

    static SqliteEventStore() => SqliteLibrary.Configure();

    public SqliteEventStore(string path, SqliteEventStoreOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _options = options ?? new SqliteEventStoreOptions();
        _clock = clock ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds),
        }.ToString();
        _initialization = new OnceAsync(() => Task.Run(Initialize));
        _readConnections = new SqliteReadConnections(Path, _options.BusyTimeout, _options.MmapSize);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public string Backend => "sqlite";

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initialization.RunAsync(cancellationToken);

    public Task WaitForAppendAsync(long afterPosition, CancellationToken cancellationToken) =>
        _appended.WaitForAppendAsync(afterPosition, cancellationToken);

    public async Task<long?> LoadCheckpointAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition("SELECT position FROM checkpoints WHERE subscription_id = @subscriptionId", new { subscriptionId }, cancellationToken: cancellationToken));
    }

    public async Task StoreCheckpointAsync(string subscriptionId, long position, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        await InitializeAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            Writer.StoreCheckpoint(subscriptionId, position, Timestamps.NowMicroseconds(_clock));
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<long?> GetStreamRevisionAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(
            new CommandDefinition("SELECT max(revision) FROM events WHERE stream = @stream", new { stream }, cancellationToken: cancellationToken));
    }

    /// <summary>The log head's position: the last committed event, including one removed from the events table since.</summary>
    public async Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT position FROM log_head WHERE id = 1", cancellationToken: cancellationToken));
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _readConnections.Dispose();
        _writeGate.Wait();
        try
        {
            // Unhooked before the writer's connection closes (and checkpoints the WAL one last time).
            _checkpointer?.Dispose();
            _checkpointer = null;
            _writer?.Dispose();
            _writer = null;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The background checkpointer, once the store is initialised (tests look at what it did).</summary>
    internal SqliteCheckpointer? Checkpointer => _checkpointer;

    private SqliteWriter Writer => _writer ?? throw new ObjectDisposedException(nameof(SqliteEventStore));

    private void Initialize()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Not pooled: the writer lives as long as the store, its settings (cache size, synchronous) must not reach a
        // reader that would later get it from the pool, and the pool can never lend it to anyone else.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        try
        {
            connection.Open();
            // Page size first: it only takes effect while the file is empty (a new store); an existing one keeps its own.
            connection.Execute($"PRAGMA page_size = {_options.PageSize}");
            // WAL: readers never block the writer nor each other; persistent in the file once set.
            connection.Execute("PRAGMA journal_mode = WAL");
            var pageSize = Configure(connection);
            SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, (int)_options.BusyTimeout.TotalMilliseconds);
            SqliteSchema.Apply(connection, _clock);
            _checkpointer = SqliteCheckpointer.TryStart(connection.Handle!, Path, _options.WalBytesBeforeCheckpoint, pageSize, _options.BusyTimeout);
            _writer = new SqliteWriter(connection, _options.RecentEventIdsBeforeMerge);
        }
        catch
        {
            _checkpointer?.Dispose();
            _checkpointer = null;
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Settings of the writer connection; returns the file's page size. The auto-checkpoint threshold is in pages, so
    /// it is derived from the file's own page size (a file created with other options keeps its page size); it only
    /// holds until the schema is applied, then <see cref="SqliteCheckpointer"/> takes checkpoints over. When the WAL
    /// starts over, its file is cut back to the threshold, so the disk it takes stays bounded.
    /// </summary>
    private long Configure(SqliteConnection connection)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.WalBytesBeforeCheckpoint, nameof(SqliteEventStoreOptions.WalBytesBeforeCheckpoint));
        var pageSize = connection.ExecuteScalar<long>("PRAGMA page_size");
        var walPages = Math.Max(1, _options.WalBytesBeforeCheckpoint / pageSize);
        connection.Execute(
            $"PRAGMA synchronous = {ValidatedSynchronous()}; PRAGMA cache_size = {_options.CacheSize}; PRAGMA temp_store = MEMORY; " +
            $"PRAGMA wal_autocheckpoint = {walPages}; PRAGMA journal_size_limit = {_options.WalBytesBeforeCheckpoint}; PRAGMA mmap_size = {_options.MmapSize}");
        return pageSize;
    }

    private string ValidatedSynchronous() =>
        _options.Synchronous.ToUpperInvariant() is var value && value is "OFF" or "NORMAL" or "FULL" or "EXTRA"
            ? value
            : throw new ArgumentException($"SQLite synchronous setting '{_options.Synchronous}' is not OFF, NORMAL, FULL or EXTRA.");

    private async Task<SqliteConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // Raw statements (SqliteStatement) bypass Microsoft.Data.Sqlite's own retry loop: let SQLite wait instead.
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, (int)_options.BusyTimeout.TotalMilliseconds);
        if (_options.MmapSize > 0)
        {
            SQLitePCL.raw.sqlite3_exec(connection.Handle, $"PRAGMA mmap_size = {_options.MmapSize}");
        }

        return connection;
    }
}
