using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;
using Real.EventStore.Integrity;
using Real.EventStore.Storage;

namespace Real.EventStore.Postgres;

/// <summary>
/// An append is two round trips in one transaction: (1) lock the log head and read the stream's last revision;
/// (2) insert every event with one INSERT ... SELECT FROM unnest(arrays) and move the log head; then COMMIT.
/// Hashes are computed here, between the two, from the locked head's hash.
/// </summary>
public sealed partial class PostgresEventStore
{
    private const string LockLogHead = "SELECT position, hash FROM log_head WHERE id = 1 FOR UPDATE";

    private const string StreamHead = "SELECT revision, position FROM events WHERE stream = $1 ORDER BY revision DESC LIMIT 1";

    private const string InsertEvents =
        "INSERT INTO events (position, stream, revision, category, event_id, event_type, data, metadata, created, hash) " +
        "SELECT $1 + u.ord, $2, $3 + u.ord, $4, u.id, u.type, u.data, u.metadata, $5, u.hash " +
        "FROM unnest($6::uuid[], $7::text[], $8::bytea[], $9::bytea[], $10::bytea[]) WITH ORDINALITY AS u(id, type, data, metadata, hash, ord)";

    private const string MoveLogHead = "UPDATE log_head SET position = $1, hash = $2 WHERE id = 1";

    private const string StoredByIds = "SELECT event_id, stream, revision, event_type, data FROM events WHERE event_id = ANY($1)";

    public async Task<AppendResult> AppendToStreamAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        AppendValidation.Validate(stream, events);
        await InitializeAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var careful = IdempotentAppend.HasRepeatedIds(events);
        AppendResult result;
        while (true)
        {
            try
            {
                result = await AppendAsync(connection, stream, expected, events, careful, cancellationToken);
                break;
            }
            catch (PostgresException ex) when (!careful && ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "events_event_id_key")
            {
                // An id the store already holds: redo the append, this time sorting repeats from conflicts.
                careful = true;
            }
        }

        if (result.AppendedCount > 0)
        {
            _appended.Notify(result.LastGlobalPosition);
        }

        return result;
    }

    private async Task<AppendResult> AppendAsync(NpgsqlConnection connection, string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, bool careful, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long headPosition;
        byte[] headHash;
        long? actual = null;
        long streamPosition = 0;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(LockLogHead));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(StreamHead) { Parameters = { new NpgsqlParameter { Value = stream } } });
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidDataException("The log_head row is missing: the store's schema is damaged.");
            }

            headPosition = reader.GetInt64(0);
            headHash = reader.GetFieldValue<byte[]>(1);
            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                actual = reader.GetInt64(0);
                streamPosition = reader.GetInt64(1);
            }
        }

        var toAppend = events;
        if (careful || !expected.IsSatisfiedBy(actual))
        {
            toAppend = IdempotentAppend.NewEvents(stream, events, await LoadStoredAsync(connection, transaction, events, cancellationToken));
            if (toAppend.Count == 0 && events.Count > 0)
            {
                return new AppendResult(actual ?? -1, streamPosition, 0);
            }
        }

        if (!expected.IsSatisfiedBy(actual))
        {
            throw new WrongExpectedVersionException(stream, expected, actual);
        }

        if (toAppend.Count == 0)
        {
            return new AppendResult(actual ?? -1, streamPosition, 0);
        }

        var lastRevision = actual ?? -1;
        var created = Timestamps.NowMicroseconds(_clock);
        var rows = new EventRows(toAppend.Count);
        var previous = headHash;
        EventMetadata? lastMetadata = null;
        byte[] metadataBytes = [];
        for (var i = 0; i < toAppend.Count; i++)
        {
            var e = toAppend[i];
            if (!ReferenceEquals(e.Metadata, lastMetadata))
            {
                metadataBytes = EventMetadataCodec.Encode(e.Metadata);
                lastMetadata = e.Metadata;
            }

            var data = AsArray(e.Data);
            var hash = new byte[EventHash.Size];
            EventHash.Compute(previous, stream, lastRevision + 1 + i, headPosition + 1 + i, e.EventId, e.EventType, created, data, metadataBytes, hash);
            rows.Ids[i] = e.EventId;
            rows.Types[i] = e.EventType;
            rows.Data[i] = data;
            rows.Metadata[i] = metadataBytes;
            rows.Hashes[i] = hash;
            previous = hash;
        }

        var lastPosition = headPosition + toAppend.Count;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(InsertEvents)
            {
                Parameters =
                {
                    new NpgsqlParameter<long> { TypedValue = headPosition },
                    new NpgsqlParameter<string> { TypedValue = stream },
                    new NpgsqlParameter<long> { TypedValue = lastRevision },
                    new NpgsqlParameter<string> { TypedValue = StreamName.Category(stream) },
                    new NpgsqlParameter<DateTime> { TypedValue = Timestamps.FromMicroseconds(created).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    new NpgsqlParameter<Guid[]> { TypedValue = rows.Ids },
                    new NpgsqlParameter<string[]> { TypedValue = rows.Types },
                    new NpgsqlParameter<byte[][]> { TypedValue = rows.Data },
                    new NpgsqlParameter<byte[][]> { TypedValue = rows.Metadata },
                    new NpgsqlParameter<byte[][]> { TypedValue = rows.Hashes },
                },
            });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(MoveLogHead)
            {
                Parameters = { new NpgsqlParameter<long> { TypedValue = lastPosition }, new NpgsqlParameter<byte[]> { TypedValue = previous } },
            });
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AppendResult(lastRevision + toAppend.Count, lastPosition, toAppend.Count);
    }

    private static async Task<Dictionary<Guid, StoredEventIdentity>> LoadStoredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<Guid, StoredEventIdentity>();
        if (events.Count == 0)
        {
            return stored;
        }

        await using var command = new NpgsqlCommand(StoredByIds, connection, transaction)
        {
            Parameters = { new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.EventId).Distinct()] } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            stored[id] = new StoredEventIdentity(id, reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetFieldValue<byte[]>(4));
        }

        return stored;
    }

    private static byte[] AsArray(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    /// <summary>The per-event columns of one append, as the arrays unnest() takes apart again.</summary>
    private sealed class EventRows(int count)
    {
        public Guid[] Ids { get; } = new Guid[count];

        public string[] Types { get; } = new string[count];

        public byte[][] Data { get; } = new byte[count][];

        public byte[][] Metadata { get; } = new byte[count][];

        public byte[][] Hashes { get; } = new byte[count][];
    }
}
