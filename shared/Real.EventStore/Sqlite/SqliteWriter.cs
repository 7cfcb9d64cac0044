using Microsoft.Data.Sqlite;
using Real.EventStore.Integrity;
using Real.EventStore.Storage;

namespace Real.EventStore.Sqlite;

/// <summary>
/// The one connection through which this process writes, with its statements prepared once and reused for every
/// append (binding new values per event is the whole per-event cost). Callers serialise access (the store's gate).
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _streamHead;
    private readonly SqliteCommand _logHead;
    private readonly SqliteStatement _insert;
    private readonly SqliteCommand _updateLogHead;
    private readonly SqliteCommand _storedById;
    private readonly SqliteCommand _storeCheckpoint;

    public SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;
        _streamHead = Command("SELECT revision, position FROM events WHERE stream = $stream ORDER BY revision DESC LIMIT 1", ("$stream", SqliteType.Text));
        _logHead = Command("SELECT position, hash FROM log_head WHERE id = 1");
        _insert = new SqliteStatement(
            connection,
            "INSERT INTO events (position, stream, revision, category, event_id, event_type, data, metadata, created_us, hash) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        _updateLogHead = Command("UPDATE log_head SET position = $position, hash = $hash WHERE id = 1", ("$position", SqliteType.Integer), ("$hash", SqliteType.Blob));
        _storedById = Command("SELECT stream, revision, event_type, data FROM events WHERE event_id = $event_id", ("$event_id", SqliteType.Blob));
        _storeCheckpoint = Command(
            "INSERT INTO checkpoints (subscription_id, position, updated_us) VALUES ($id, $position, $updated_us) " +
            "ON CONFLICT (subscription_id) DO UPDATE SET position = excluded.position, updated_us = excluded.updated_us",
            ("$id", SqliteType.Text),
            ("$position", SqliteType.Integer),
            ("$updated_us", SqliteType.Integer));
    }

    /// <summary>
    /// One append in one IMMEDIATE transaction. The fast path inserts without looking ids up first; the unique index
    /// on event_id turns a repeated id into a <see cref="SqliteException"/>, on which the caller retries with
    /// <paramref name="careful"/> set: then the stored events under the appended ids are loaded and the idempotency
    /// rules decide what is new.
    /// </summary>
    public AppendResult Append(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, bool careful, long createdMicroseconds)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        var (actual, streamPosition) = ReadStreamHead(transaction, stream);
        var toAppend = events;
        if (careful || !expected.IsSatisfiedBy(actual))
        {
            toAppend = IdempotentAppend.NewEvents(stream, events, LoadStored(transaction, events));
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

        var (headPosition, headHash) = ReadLogHead(transaction);
        var lastPosition = Insert(stream, actual ?? -1, headPosition, headHash, toAppend, createdMicroseconds, out var lastHash);
        _updateLogHead.Transaction = transaction;
        _updateLogHead.Parameters[0].Value = lastPosition;
        _updateLogHead.Parameters[1].Value = lastHash;
        _updateLogHead.ExecuteNonQuery();
        transaction.Commit();
        return new AppendResult((actual ?? -1) + toAppend.Count, lastPosition, toAppend.Count);
    }

    public void StoreCheckpoint(string subscriptionId, long position, long updatedMicroseconds)
    {
        _storeCheckpoint.Transaction = null;
        _storeCheckpoint.Parameters[0].Value = subscriptionId;
        _storeCheckpoint.Parameters[1].Value = position;
        _storeCheckpoint.Parameters[2].Value = updatedMicroseconds;
        _storeCheckpoint.ExecuteNonQuery();
    }

    public static bool IsEventIdConflict(SqliteException exception) =>
        exception.SqliteErrorCode == 19 && exception.Message.Contains("events.event_id", StringComparison.Ordinal);

    public void Dispose()
    {
        _streamHead.Dispose();
        _logHead.Dispose();
        _insert.Dispose();
        _updateLogHead.Dispose();
        _storedById.Dispose();
        _storeCheckpoint.Dispose();
        _connection.Dispose();
    }

    private long Insert(
        string stream,
        long lastRevision,
        long headPosition,
        byte[] headHash,
        IReadOnlyList<EventData> events,
        long createdMicroseconds,
        out byte[] lastHash)
    {
        // ?1 position, ?2 stream, ?3 revision, ?4 category, ?5 event_id, ?6 event_type, ?7 data, ?8 metadata, ?9 created_us, ?10 hash.
        // Bindings survive a reset, so what the whole append shares is bound once.
        var insert = _insert;
        insert.Bind(2, stream);
        insert.Bind(4, StreamName.Category(stream));
        insert.Bind(9, createdMicroseconds);
        Span<byte> previous = stackalloc byte[EventHash.Size];
        Span<byte> current = stackalloc byte[EventHash.Size];
        Span<byte> id = stackalloc byte[16];
        headHash.CopyTo(previous);
        EventMetadata? lastMetadata = null;
        byte[] metadataBytes = [];
        string? lastType = null;
        var position = headPosition;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            position++;
            var revision = lastRevision + 1 + i;
            if (!ReferenceEquals(e.Metadata, lastMetadata))
            {
                metadataBytes = EventMetadataCodec.Encode(e.Metadata);
                lastMetadata = e.Metadata;
                insert.Bind(8, metadataBytes);
            }

            if (!string.Equals(e.EventType, lastType, StringComparison.Ordinal))
            {
                lastType = e.EventType;
                insert.Bind(6, lastType);
            }

            var data = e.Data.Span;
            EventHash.Compute(previous, stream, revision, position, e.EventId, e.EventType, createdMicroseconds, data, metadataBytes, current);
            e.EventId.TryWriteBytes(id, bigEndian: true, out _);
            insert.Bind(1, position);
            insert.Bind(3, revision);
            insert.Bind(5, id);
            insert.Bind(7, data);
            insert.Bind(10, current);
            insert.Execute();
            current.CopyTo(previous);
        }

        lastHash = previous.ToArray();
        return position;
    }

    private (long? Revision, long Position) ReadStreamHead(SqliteTransaction transaction, string stream)
    {
        _streamHead.Transaction = transaction;
        _streamHead.Parameters[0].Value = stream;
        using var reader = _streamHead.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : (null, 0);
    }

    private (long Position, byte[] Hash) ReadLogHead(SqliteTransaction transaction)
    {
        _logHead.Transaction = transaction;
        using var reader = _logHead.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidDataException("The log_head row is missing: the store's schema is damaged.");
        }

        return (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
    }

    private Dictionary<Guid, StoredEventIdentity> LoadStored(SqliteTransaction transaction, IReadOnlyList<EventData> events)
    {
        var stored = new Dictionary<Guid, StoredEventIdentity>();
        _storedById.Transaction = transaction;
        foreach (var e in events)
        {
            if (stored.ContainsKey(e.EventId))
            {
                continue;
            }

            _storedById.Parameters[0].Value = e.EventId.ToByteArray(bigEndian: true);
            using var reader = _storedById.ExecuteReader();
            if (reader.Read())
            {
                stored[e.EventId] = new StoredEventIdentity(e.EventId, reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3));
            }
        }

        return stored;
    }

    private SqliteCommand Command(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        return command;
    }
}
