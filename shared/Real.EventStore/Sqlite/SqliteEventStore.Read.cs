using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Real.EventStore.Storage;

namespace Real.EventStore.Sqlite;

/// <summary>
/// Reads page by page with keyset pagination (position or revision greater than the last one seen), one short read
/// transaction per page, so memory stays bounded by the page size and no read holds back WAL checkpoints for long.
/// </summary>
public sealed partial class SqliteEventStore
{
    private const string Columns = "position, stream, revision, event_id, event_type, data, metadata, created_us, hash";

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(fromRevision);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var sql = direction == Direction.Forwards
            ? $"SELECT {Columns} FROM events WHERE stream = $key AND revision >= $from ORDER BY revision LIMIT $limit"
            : $"SELECT {Columns} FROM events WHERE stream = $key AND revision <= $from ORDER BY revision DESC LIMIT $limit";
        return ReadPagesAsync(sql, stream, fromRevision, direction == Direction.Forwards ? e => e.Revision + 1 : e => e.Revision - 1, maxCount, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync($"SELECT {Columns} FROM events WHERE position >= $from ORDER BY position LIMIT $limit", key: null, afterPosition + 1, e => e.GlobalPosition + 1, maxCount, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadCategoryAsync(string category, long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync($"SELECT {Columns} FROM events WHERE category = $key AND position >= $from ORDER BY position LIMIT $limit", category, afterPosition + 1, e => e.GlobalPosition + 1, maxCount, cancellationToken);
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
        var remaining = maxCount;
        var decoder = new MetadataDecoder();
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var keyParameter = key is null ? null : command.Parameters.Add("$key", SqliteType.Text);
        var fromParameter = command.Parameters.Add("$from", SqliteType.Integer);
        var limitParameter = command.Parameters.Add("$limit", SqliteType.Integer);
        keyParameter?.Value = key;
        while (remaining > 0 && from >= 0)
        {
            var limit = (int)Math.Min(remaining, _options.ReadPageSize);
            fromParameter.Value = from;
            limitParameter.Value = limit;
            var read = 0;
            RecordedEvent? last = null;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (reader.Read())
                {
                    last = ReadEvent(reader, decoder);
                    read++;
                    yield return last;
                }
            }

            remaining -= read;
            if (read < limit || last is null)
            {
                yield break;
            }

            from = nextFrom(last);
        }
    }

    private static RecordedEvent ReadEvent(SqliteDataReader reader, MetadataDecoder decoder)
    {
        var (metadata, storedMetadata) = decoder.Decode(reader.GetFieldValue<byte[]>(6));
        return new RecordedEvent(
            new Guid(reader.GetFieldValue<byte[]>(3), bigEndian: true),
            reader.GetString(4),
            reader.GetFieldValue<byte[]>(5),
            metadata,
            Timestamps.FromMicroseconds(reader.GetInt64(7)),
            reader.GetString(1),
            reader.GetInt64(2),
            reader.GetInt64(0),
            reader.GetFieldValue<byte[]>(8))
        {
            StoredMetadata = storedMetadata,
        };
    }
}
