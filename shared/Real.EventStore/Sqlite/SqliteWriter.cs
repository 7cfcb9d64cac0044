using System.Runtime.InteropServices;
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
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _updateLogHead;
    private readonly SqliteCommand _storedById;
    private readonly SqliteCommand _storeCheckpoint;

    public SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;
        _streamHead = Command("SELECT revision, position FROM events WHERE stream = $stream ORDER BY revision DESC LIMIT 1", ("$stream", SqliteType.Text));
        _logHead = Command("SELECT position, hash FROM log_head WHERE id = 1");
        _insert = Command(
            "INSERT INTO events (position, stream, revision, category, event_id, event_type, data, metadata, created_us, hash) " +
            "VALUES ($position, $stream, $revision, $category, $event_id, $event_type, $data, $metadata, $created_us, $hash)",
            ("$position", SqliteType.Integer),
            ("$stream", SqliteType.Text),
            ("$revision", SqliteType.Integer),
            ("$category", SqliteType.Text),
            ("$event_id", SqliteType.Blob),
            ("$event_type", SqliteType.Text),
            ("$data", SqliteType.Blob),
            ("$metadata", SqliteType.Blob),
            ("$created_us", SqliteType.Integer),
            ("$hash", SqliteType.Blob));
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
        var lastPosition = Insert(transaction, stream, actual ?? -1, headPosition, headHash, toAppend, createdMicroseconds, out var lastHash);
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
        SqliteTransaction transaction,
        string stream,
        long lastRevision,
        long headPosition,
        byte[] headHash,
        IReadOnlyList<EventData> events,
        long createdMicroseconds,
        out byte[] lastHash)
    {
        var category = StreamName.Category(stream);
        var p = _insert.Parameters;
        _insert.Transaction = transaction;
        p[1].Value = stream;
        p[3].Value = category;
        p[8].Value = createdMicroseconds;

        // Two hash buffers, swapped per event: SQLite copies bound blobs, so neither needs to outlive its statement.
        var previous = headHash;
        var current = new byte[EventHash.Size];
        var id = new byte[16];
        EventMetadata? lastMetadata = null;
        byte[] metadataBytes = [];
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
            }

            var data = AsArray(e.Data);
            EventHash.Compute(previous, stream, revision, position, e.EventId, e.EventType, createdMicroseconds, data, metadataBytes, current);
            e.EventId.TryWriteBytes(id, bigEndian: true, out _);
            p[0].Value = position;
            p[2].Value = revision;
            p[4].Value = id;
            p[5].Value = e.EventType;
            p[6].Value = data;
            p[7].Value = metadataBytes;
            p[9].Value = current;
            _insert.ExecuteNonQuery();
            (previous, current) = (current, previous);
        }

        lastHash = previous;
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

    private static byte[] AsArray(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

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
