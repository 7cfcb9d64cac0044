using System.Runtime.CompilerServices;
using Npgsql;
using Real.EventStore.Storage;

namespace Real.EventStore.Postgres;

/// <summary>
/// Reads page by page with keyset pagination (position or revision past the last one seen), one round trip per page,
/// pages read ahead of the consumer on connections of their own (<see cref="ReadAhead"/>), so memory stays bounded by
/// a few pages whatever the size of the log.
/// </summary>
public sealed partial class PostgresEventStore
{
    private const string Columns = "position, stream, revision, event_id, event_type, data, metadata, created, hash";

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(fromRevision);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var sql = direction == Direction.Forwards
            ? $"SELECT {Columns} FROM events WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3"
            : $"SELECT {Columns} FROM events WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3";
        return ReadPagesAsync(sql, stream, fromRevision, direction == Direction.Forwards ? 1 : -1, static e => e.Revision, denseKeys: true, maxCount, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync($"SELECT {Columns} FROM events WHERE position >= $1 ORDER BY position LIMIT $2", key: null, afterPosition + 1, 1, static e => e.GlobalPosition, denseKeys: true, maxCount, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadCategoryAsync(string category, long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync($"SELECT {Columns} FROM events WHERE category = $1 AND position >= $2 ORDER BY position LIMIT $3", category, afterPosition + 1, 1, static e => e.GlobalPosition, denseKeys: false, maxCount, cancellationToken);
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
        var pages = ReadAhead.ReadAsync((first, limit, ct) => ReadPageAsync(sql, key, first, limit, ct), from, step, keyOf, denseKeys, maxCount, _options.ReadPageSize, cancellationToken);
        await foreach (var e in pages)
        {
            yield return e;
        }
    }

    /// <summary>One page, on a pooled connection of its own.</summary>
    private async Task<List<RecordedEvent>> ReadPageAsync(string sql, string? key, long from, int limit, CancellationToken cancellationToken)
    {
        var rows = new PostgresRowReader();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        if (key is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        }

        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var page = new List<RecordedEvent>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(rows.Read(reader));
        }

        return page;
    }
}
