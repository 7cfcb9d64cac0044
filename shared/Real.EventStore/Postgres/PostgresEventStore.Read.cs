using System.Runtime.CompilerServices;
using Npgsql;
using Real.EventStore.Storage;

namespace Real.EventStore.Postgres;

/// <summary>
/// Reads page by page with keyset pagination (position or revision past the last one seen), one round trip per page,
/// so memory stays bounded by the page size whatever the size of the log.
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
        return ReadPagesAsync(sql, stream, fromRevision, direction == Direction.Forwards ? e => e.Revision + 1 : e => e.Revision - 1, maxCount, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync($"SELECT {Columns} FROM events WHERE position >= $1 ORDER BY position LIMIT $2", key: null, afterPosition + 1, e => e.GlobalPosition + 1, maxCount, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadCategoryAsync(string category, long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync($"SELECT {Columns} FROM events WHERE category = $1 AND position >= $2 ORDER BY position LIMIT $3", category, afterPosition + 1, e => e.GlobalPosition + 1, maxCount, cancellationToken);
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
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        if (key is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        }

        var fromParameter = new NpgsqlParameter<long>();
        var limitParameter = new NpgsqlParameter<int>();
        command.Parameters.Add(fromParameter);
        command.Parameters.Add(limitParameter);
        while (remaining > 0 && from >= 0)
        {
            var limit = (int)Math.Min(remaining, _options.ReadPageSize);
            fromParameter.TypedValue = from;
            limitParameter.TypedValue = limit;
            var read = 0;
            RecordedEvent? last = null;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
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

    private static RecordedEvent ReadEvent(NpgsqlDataReader reader, MetadataDecoder decoder)
    {
        var (metadata, storedMetadata) = decoder.Decode(reader.GetFieldValue<byte[]>(6));
        return new RecordedEvent(
            reader.GetGuid(3),
            reader.GetString(4),
            reader.GetFieldValue<byte[]>(5),
            metadata,
            new DateTimeOffset(reader.GetFieldValue<DateTime>(7), TimeSpan.Zero),
            reader.GetString(1),
            reader.GetInt64(2),
            reader.GetInt64(0),
            reader.GetFieldValue<byte[]>(8))
        {
            StoredMetadata = storedMetadata,
        };
    }
}
