using System.Runtime.CompilerServices;

namespace Real.EventStore.Sqlite;

/// <summary>
/// Reads page by page with keyset pagination (position or revision past the last one seen): one statement prepared
/// per read and re-run per page, rows decoded straight from SQLite's column buffers (<see cref="SqliteRowReader"/>), on
/// a connection of the store's own reader pool (<see cref="SqliteReadConnections"/>).
/// Memory stays bounded by the page size, and no read holds a read transaction (and so WAL checkpoints) for long.
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
        return ReadPagesAsync(sql, stream, fromRevision, direction == Direction.Forwards ? e => e.Revision + 1 : e => e.Revision - 1, maxCount, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync($"SELECT {Columns} FROM events WHERE position >= ?2 ORDER BY position LIMIT ?3", key: null, afterPosition + 1, e => e.GlobalPosition + 1, maxCount, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadCategoryAsync(string category, long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync($"SELECT {Columns} FROM events WHERE category = ?1 AND position >= ?2 ORDER BY position LIMIT ?3", category, afterPosition + 1, e => e.GlobalPosition + 1, maxCount, cancellationToken);
    }

    private async IAsyncEnumerable<RecordedEvent> ReadPagesAsync(
        string sql,
        string? key,
        long from,
        Func<RecordedEvent, long> nextFrom,
        long maxCount,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _readConnections.Rent();
        try
        {
            foreach (var e in ReadPages(connection, sql, key, from, nextFrom, maxCount, cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            _readConnections.Return(connection);
        }
    }

    /// <summary>The pages themselves, synchronous: SQLite's reads are, and each page's rows come from its buffers.</summary>
    private IEnumerable<RecordedEvent> ReadPages(
        SQLitePCL.sqlite3 connection,
        string sql,
        string? key,
        long from,
        Func<RecordedEvent, long> nextFrom,
        long maxCount,
        CancellationToken cancellationToken)
    {
        var remaining = maxCount;
        using var rows = new SqliteRowReader(connection);
        using var statement = new SqliteStatement(connection, sql);
        if (key is not null)
        {
            statement.Bind(1, key);
        }

        while (remaining > 0 && from >= 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var limit = (int)Math.Min(remaining, _options.ReadPageSize);
            statement.Bind(2, from);
            statement.Bind(3, limit);
            var read = 0;
            RecordedEvent? last = null;
            try
            {
                while (statement.Step())
                {
                    last = rows.Read(statement.Handle);
                    read++;
                    yield return last;
                }
            }
            finally
            {
                statement.Reset();
            }

            remaining -= read;
            if (read < limit || last is null)
            {
                yield break;
            }

            from = nextFrom(last);
        }
    }
}
