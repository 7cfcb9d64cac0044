using Microsoft.Data.Sqlite;
using Real.EventStore.Integrity;
using Real.EventStore.Storage;
using SQLitePCL;

namespace Real.EventStore.Sqlite;

/// <summary>
/// The one connection through which this process writes, with its statements prepared once and reused for every
/// append (binding new values per event is the whole per-event cost). Event-id uniqueness is checked here against
/// <see cref="SqliteEventIdIndex"/> before inserting, not by a unique index on events. Callers serialise access (the
/// store's gate).
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private static readonly Dictionary<Guid, StoredEventIdentity> Empty = [];

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _streamHead;
    private readonly SqliteCommand _logHead;
    private readonly SqliteStatement _insert;
    private readonly SqliteStatement _insertMetadata;
    private readonly SqliteCommand _updateLogHead;
    private readonly SqliteStatement _storedAt;
    private readonly SqliteEventIdIndex _ids;
    private readonly SqliteCommand _storeCheckpoint;
    private readonly ChainHasher _hasher;

    public SqliteWriter(SqliteConnection connection, int recentEventIdsBeforeMerge)
    {
        _connection = connection;
        _streamHead = Command("SELECT revision, position FROM events WHERE stream = $stream ORDER BY revision DESC LIMIT 1", ("$stream", SqliteType.Text));
        _logHead = Command("SELECT position, hash FROM log_head WHERE id = 1");
        _insert = new SqliteStatement(
            connection,
            "INSERT INTO events (position, stream, revision, category, event_id, event_type, data, metadata, created_us, hash, metadata_id) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        _insertMetadata = new SqliteStatement(connection, "INSERT INTO event_metadata (metadata) VALUES (?1)");
        _updateLogHead = Command("UPDATE log_head SET position = $position, hash = $hash WHERE id = 1", ("$position", SqliteType.Integer), ("$hash", SqliteType.Blob));
        _storedAt = new SqliteStatement(connection, "SELECT stream, revision, event_type, data FROM events WHERE position = ?1");
        _ids = new SqliteEventIdIndex(connection, recentEventIdsBeforeMerge);
        _storeCheckpoint = Command(
            "INSERT INTO checkpoints (subscription_id, position, updated_us) VALUES ($id, $position, $updated_us) " +
            "ON CONFLICT (subscription_id) DO UPDATE SET position = excluded.position, updated_us = excluded.updated_us",
            ("$id", SqliteType.Text),
            ("$position", SqliteType.Integer),
            ("$updated_us", SqliteType.Integer));

        // Last: it starts a thread, which nothing would stop if a statement above failed to prepare.
        _hasher = new ChainHasher();
    }

    /// <summary>
    /// One append in one IMMEDIATE transaction: lock, catch the event-id index up to the log head, look every id up
    /// (the filter rules out almost every new id; no id found is the common case, and then the idempotency rules
    /// have nothing to decide), check
    /// the expected revision, insert (the hasher thread stages the new ids in the tiers meanwhile), move the head, commit;
    /// a failure before the commit invalidates the tiers, staged ids included. A due merge of the id tiers runs first, in its own
    /// transaction, so its failure fails an append that wrote nothing rather than one that already committed.
    /// </summary>
    public AppendResult Append(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, long createdMicroseconds)
    {
        if (_ids.MergeDue)
        {
            MergeEventIds();
        }

        var committed = false;
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var (headPosition, headHash) = ReadLogHead(transaction);
            _ids.CatchUp(headPosition, headHash);
            var (actual, streamPosition) = ReadStreamHead(transaction, stream);
            var stored = LoadStored(events);
            var toAppend = events;
            if (stored.Count > 0 || IdempotentAppend.HasRepeatedIds(events))
            {
                toAppend = IdempotentAppend.NewEvents(stream, events, stored);
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

            var lastPosition = Insert(stream, actual ?? -1, headPosition, headHash, toAppend, createdMicroseconds, out var lastHash);
            _updateLogHead.Transaction = transaction;
            _updateLogHead.Parameters[0].Value = lastPosition;
            _updateLogHead.Parameters[1].Value = lastHash;
            _updateLogHead.ExecuteNonQuery();
            transaction.Commit();
            committed = true;
            _ids.Committed(lastPosition, lastHash);
            return new AppendResult((actual ?? -1) + toAppend.Count, lastPosition, toAppend.Count);
        }
        catch (Exception ex) when (!committed && ex is not (WrongExpectedVersionException or DuplicateEventIdException))
        {
            // Whatever failed (a commit that may or may not have happened included, or a catch-up cut short), reload
            // the id tiers next time. A refused expectation or duplicate leaves them exact: nothing was written.
            _ids.Invalidate();
            throw;
        }
    }

    public void StoreCheckpoint(string subscriptionId, long position, long updatedMicroseconds)
    {
        _storeCheckpoint.Transaction = null;
        _storeCheckpoint.Parameters[0].Value = subscriptionId;
        _storeCheckpoint.Parameters[1].Value = position;
        _storeCheckpoint.Parameters[2].Value = updatedMicroseconds;
        _storeCheckpoint.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _streamHead.Dispose();
        _logHead.Dispose();
        _insert.Dispose();
        _insertMetadata.Dispose();
        _updateLogHead.Dispose();
        _storedAt.Dispose();
        _ids.Dispose();
        _storeCheckpoint.Dispose();
        _hasher.Dispose();
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
        // ?1 position, ?2 stream, ?3 revision, ?4 category, ?5 event_id, ?6 event_type, ?7 data, ?8 metadata, ?9 created_us, ?10 hash,
        // ?11 metadata_id. Bindings survive a reset, so what the whole append shares is bound once. The hashes come from
        // the hasher thread, which runs ahead of this loop.
        var insert = _insert;
        insert.Bind(2, stream);
        insert.Bind(4, StreamName.Category(stream));
        insert.Bind(9, createdMicroseconds);
        // The ids go into the id tiers on the hasher thread once it is done hashing (it is far ahead of these inserts);
        // Complete() below waits for that, before the commit.
        _hasher.Begin(stream, lastRevision + 1, headPosition + 1, headHash, events, createdMicroseconds, hashed => _ids.Stage(hashed, headPosition + 1));
        try
        {
            Span<byte> id = stackalloc byte[16];
            byte[]? boundMetadata = null;
            string? lastType = null;
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                var hash = _hasher.HashOf(i);
                var metadata = _hasher.MetadataOf(i);
                if (!ReferenceEquals(metadata, boundMetadata))
                {
                    boundMetadata = metadata;
                    BindMetadata(metadata, sharedWithNext: i + 1 < events.Count && ReferenceEquals(events[i + 1].Metadata, e.Metadata));
                }

                if (!string.Equals(e.EventType, lastType, StringComparison.Ordinal))
                {
                    lastType = e.EventType;
                    insert.Bind(6, lastType);
                }

                e.EventId.TryWriteBytes(id, bigEndian: true, out _);
                insert.Bind(1, headPosition + 1 + i);
                insert.Bind(3, lastRevision + 1 + i);
                insert.Bind(5, id);
                insert.Bind(7, e.Data.Span);
                insert.Bind(10, hash);
                insert.Execute();
            }

            lastHash = _hasher.HashOf(events.Count - 1).ToArray();
            _hasher.Complete();
            return headPosition + events.Count;
        }
        finally
        {
            _hasher.Finish();
        }
    }

    /// <summary>
    /// Binds where the metadata of a run of events goes (Scripts/003): a run of two or more stores its bytes once in
    /// event_metadata, inside the append's transaction; an event alone keeps them inline. Runs are found by the
    /// metadata object's identity, which is how the hasher shares one byte array between events, so a run is exactly
    /// the events for which <paramref name="metadata"/> is the same array.
    /// </summary>
    private void BindMetadata(byte[] metadata, bool sharedWithNext)
    {
        if (sharedWithNext)
        {
            _insertMetadata.Bind(1, metadata);
            _insertMetadata.Execute();
            _insert.Bind(8, ReadOnlySpan<byte>.Empty);
            _insert.Bind(11, _insertMetadata.LastInsertRowId);
        }
        else
        {
            _insert.Bind(8, metadata);
            _insert.BindNull(11);
        }
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

    private void MergeEventIds()
    {
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var (headPosition, headHash) = ReadLogHead(transaction);
            _ids.CatchUp(headPosition, headHash);
            _ids.Merge();
            transaction.Commit();
            _ids.Merged();
        }
        catch
        {
            _ids.Invalidate();
            throw;
        }
    }

    /// <summary>What the store holds under the ids of <paramref name="events"/> (both tiers), keyed by id.</summary>
    private Dictionary<Guid, StoredEventIdentity> LoadStored(IReadOnlyList<EventData> events)
    {
        Dictionary<Guid, StoredEventIdentity>? stored = null;
        foreach (var e in events)
        {
            if (_ids.Find(e.EventId) is not { } position || (stored?.ContainsKey(e.EventId) ?? false))
            {
                continue;
            }

            _storedAt.Bind(1, position);
            try
            {
                if (!_storedAt.Step())
                {
                    throw new InvalidDataException(
                        $"Event id {e.EventId} is indexed at position {position}, but the events table has no row there: the store was edited behind its back (run `real verify`).");
                }

                var row = _storedAt.Handle;
                (stored ??= []).Add(e.EventId, new StoredEventIdentity(
                    e.EventId,
                    raw.sqlite3_column_text(row, 0).utf8_to_string(),
                    raw.sqlite3_column_int64(row, 1),
                    raw.sqlite3_column_text(row, 2).utf8_to_string(),
                    raw.sqlite3_column_blob(row, 3).ToArray()));
            }
            finally
            {
                _storedAt.Reset();
            }
        }

        return stored ?? Empty;
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
