using Npgsql;
using Real.EventStore.Integrity;
using Real.EventStore.Storage;

namespace Real.EventStore.Postgres;

/// <summary>
/// An append is one transaction: (1) lock the log head and read the stream's last revision (one round trip);
/// (2) stream every event through one binary COPY, each hashed from the one before it (the first from the locked
/// head's hash) as its row is encoded; (3) move the log head; then COMMIT.
/// </summary>
public sealed partial class PostgresEventStore
{
    private const string LockLogHead = "SELECT position, hash FROM log_head WHERE id = 1 FOR UPDATE";

    private const string StreamHead = "SELECT revision, position FROM events WHERE stream = $1 ORDER BY revision DESC LIMIT 1";

    private const string CopyEvents =
        "COPY events (position, stream, revision, category, event_id, event_type, data, metadata, created, hash) FROM STDIN (FORMAT BINARY)";

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
        var category = StreamName.Category(stream);
        var hashes = new byte[toAppend.Count * EventHash.Size];
        var previous = new ArraySegment<byte>(headHash);
        EventMetadata? lastMetadata = null;
        byte[] metadataBytes = [];
        await using (var copy = await connection.BeginRawBinaryCopyAsync(CopyEvents, cancellationToken))
        {
            // Rows go out as they are hashed: each full buffer is sent while the next rows are hashed, so the server
            // inserts them (its indexes are most of an append's cost) on one core while this one hashes on the other.
            // The writes are synchronous: a full buffer waits only until the socket has taken it.
            try
            {
                var rows = new CopyRowWriter(copy);
                rows.WriteHeader();
                for (var i = 0; i < toAppend.Count; i++)
                {
                    var e = toAppend[i];
                    if (!ReferenceEquals(e.Metadata, lastMetadata))
                    {
                        metadataBytes = EventMetadataCodec.Encode(e.Metadata);
                        lastMetadata = e.Metadata;
                    }

                    var hash = new ArraySegment<byte>(hashes, i * EventHash.Size, EventHash.Size);
                    var revision = lastRevision + 1 + i;
                    var position = headPosition + 1 + i;
                    EventHash.Compute(previous, stream, revision, position, e.EventId, e.EventType, created, e.Data.Span, metadataBytes, hash);
                    previous = hash;
                    rows.WriteRow(position, stream, revision, category, e.EventId, e.EventType, e.Data.Span, metadataBytes, created, hash);
                }

                rows.Finish();
            }
            catch (Exception)
            {
                // Disposing would end the COPY with the rows written so far; cancel it instead, so that the error which
                // stopped us is the one the caller sees (the transaction is rolled back either way).
                await CancelCopyAsync(copy);
                throw;
            }
        }

        var lastPosition = headPosition + toAppend.Count;
        await using (var command = new NpgsqlCommand(MoveLogHead, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lastPosition });
            command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = previous.ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AppendResult(lastRevision + toAppend.Count, lastPosition, toAppend.Count);
    }

    private static async Task CancelCopyAsync(NpgsqlRawCopyStream copy)
    {
        try
        {
            await copy.CancelAsync();
        }
        catch (NpgsqlException)
        {
            // The connection itself failed (that is usually why the COPY stopped): the error being rethrown says so.
        }
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
}
