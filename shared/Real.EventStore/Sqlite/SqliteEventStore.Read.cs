using System.Runtime.CompilerServices;
using Real.EventStore.Storage;

namespace Real.EventStore.Sqlite;

/// <summary>
/// Reads page by page with keyset pagination (position or revision past the last one seen), pages read ahead of the
/// consumer (<see cref="ReadAhead"/>), each on a connection of the store's own reader pool
/// (<see cref="SqliteReadConnections"/>), rows decoded straight from SQLite's column buffers (<see cref="SqliteRowReader"/>).
/// Memory stays bounded by a few pages, and no read holds a read transaction (and so WAL checkpoints) for long.
/// Parameters: ?1 stream or category, ?2 first position/revision, ?3 page size.
/// </summary>
public sealed partial class SqliteEventStore
{
    private const string Columns = SqliteRowReader.Columns;

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(fromRevision);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var sql = direction == Direction.Forwards
            ? $"SELECT {Columns} FROM events WHERE stream = ?1 AND revision >= ?2 ORDER BY revision LIMIT ?3"
            : $"SELECT {Columns} FROM events WHERE stream = ?1 AND revision <= ?2 ORDER BY revision DESC LIMIT ?3";
        return ReadPagesAsync(sql, stream, fromRevision, direction == Direction.Forwards ? 1 : -1, static e => e.Revision, denseKeys: true, maxCount, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync($"SELECT {Columns} FROM events WHERE position >= ?2 ORDER BY position LIMIT ?3", key: null, afterPosition + 1, 1, static e => e.GlobalPosition, denseKeys: true, maxCount, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadCategoryAsync(string category, long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync($"SELECT {Columns} FROM events WHERE category = ?1 AND position >= ?2 ORDER BY position LIMIT ?3", category, afterPosition + 1, 1, static e => e.GlobalPosition, denseKeys: false, maxCount, cancellationToken);
    }

    private async IAsyncEnumerable<RecordedEvent> ReadPagesAsync(
        string sql,
        string? key,
        long from,
        int step,
        Func<RecordedEvent, long> keyOf,
        bool denseKeys,
        long maxCount,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pages = ReadAhead.ReadAsync(
            (first, limit, ct) => Task.FromResult(ReadPage(sql, key, first, limit, ct)), from, step, keyOf, denseKeys, maxCount, _options.ReadPageSize, cancellationToken);
        await foreach (var e in pages)
        {
            yield return e;
        }
    }

    /// <summary>One page, on a connection of its own from the reader pool; SQLite's reads are synchronous anyway.</summary>
    private List<RecordedEvent> ReadPage(string sql, string? key, long from, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = _readConnections.Rent();
        try
        {
            using var rows = new SqliteRowReader(connection);
            using var statement = new SqliteStatement(connection, sql);
            if (key is not null)
            {
                statement.Bind(1, key);
            }

            statement.Bind(2, from);
            statement.Bind(3, limit);
            var page = new List<RecordedEvent>(limit);
            while (statement.Step())
            {
                page.Add(rows.Read(statement.Handle));
            }

            return page;
        }
        finally
        {
            _readConnections.Return(connection);
        }
    }
}
