using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using Real.EventStore.Storage;
using SQLitePCL;

namespace Real.EventStore.Sqlite;

/// <summary>
/// Which event ids the store holds, in two tiers (Scripts/002_event_id_tiers.sql): the merged tier is the table
/// event_ids (every event up to event_id_merge.merged_position), the recent tier is every later event, kept here in
/// memory and loaded from events by position. A single unique index over random ids made each event of a batch dirty
/// its own index page; the recent tier costs no page at all, and a merge inserts many ids in sorted order, so it
/// writes each page of event_ids once per merge instead of once per event.
/// An <see cref="EventIdFilter"/> over every id up to the log head answers most lookups (new ids) without touching
/// either tier; it is loaded from event_ids when the writer first appends (and again after a failure or when the file
/// holds another history), then kept up to date from events by position, like the recent tier. What it covers is
/// anchored to the hash chain: the hash of the last event it holds must still be the hash stored at that position,
/// or the file was replaced or rewound and everything is reloaded (a stale filter would hide stored ids).
/// Used only by the writer connection, inside its IMMEDIATE transactions (the database write lock), so the recent tier
/// can be caught up exactly: another process's appends are all below the log head this writer reads. Not thread-safe.
/// </summary>
internal sealed class SqliteEventIdIndex : IDisposable
{
    private readonly SqliteStatement _readMerged;
    private readonly SqliteStatement _eventsAfter;
    private readonly SqliteStatement _findMerged;
    private readonly SqliteStatement _merge;
    private readonly SqliteStatement _setMerged;
    private readonly SqliteStatement _allMerged;
    private readonly SqliteStatement _hashAt;
    private readonly int _minimumRecent;
    private readonly Dictionary<Guid, long> _recent = [];
    private readonly EventIdFilter _filter = new();
    private long _merged = -1;
    private long _known = -1;
    private long _filtered = -1;
    private byte[] _filteredHash = [];

    public SqliteEventIdIndex(SqliteConnection connection, int minimumRecent)
    {
        _minimumRecent = minimumRecent;
        _readMerged = new SqliteStatement(connection, "SELECT merged_position FROM event_id_merge WHERE id = 1");
        _eventsAfter = new SqliteStatement(connection, "SELECT event_id, position FROM events WHERE position > ?1 AND position <= ?2");
        _findMerged = new SqliteStatement(connection, "SELECT position FROM event_ids WHERE event_id = ?1");
        _merge = new SqliteStatement(connection, "INSERT INTO event_ids (event_id, position) VALUES (?1, ?2)");
        _setMerged = new SqliteStatement(connection, "UPDATE event_id_merge SET merged_position = ?1 WHERE id = 1");
        _allMerged = new SqliteStatement(connection, "SELECT event_id FROM event_ids");
        _hashAt = new SqliteStatement(connection, "SELECT hash FROM events WHERE position = ?1");
    }

    /// <summary>
    /// True when the recent tier is big enough to merge: at least the configured minimum, and as large as the merged
    /// tier (capped at 16 times the minimum, which bounds memory), so the total merge work stays linear in the log.
    /// (A quarter of the merged tier merged twice as often for 20 MB less peak memory in 1M appends.)
    /// </summary>
    public bool MergeDue => _known >= 0 && _recent.Count >= Math.Max(_minimumRecent, Math.Min(_merged, 16L * _minimumRecent));

    /// <summary>
    /// Brings the filter and the recent tier up to <paramref name="headPosition"/> and <paramref name="headHash"/> (the
    /// log head read in this transaction). Afterwards both cover exactly the events up to the head.
    /// </summary>
    public void CatchUp(long headPosition, byte[] headHash)
    {
        if (_filtered >= 0 && !SameHistory(headPosition, headHash))
        {
            Invalidate();
        }

        var merged = ReadMergedPosition();
        if (merged > headPosition)
        {
            throw new InvalidDataException(
                $"The event-id index says it holds ids up to position {merged}, past the log head {headPosition}: the store was edited behind its back (run `real verify`).");
        }
        if (_filtered < 0)
        {
            LoadFilter(merged);
        }

        if (merged != _merged || _known < 0 || headPosition < _known)
        {
            // First use, or another process merged: start again from the merged tier's end.
            _recent.Clear();
            _merged = merged;
            _known = merged;
        }

        if (_filtered < _known)
        {
            // Another process merged events this writer never saw: into the filter only (they are in event_ids now).
            ReadEvents(_filtered, _known, (id, _) => _filter.Add(id));
            _filtered = _known;
        }

        if (headPosition > _known)
        {
            ReadEvents(_known, headPosition, (id, position) =>
            {
                AddRecent(id, position);
                if (position > _filtered)
                {
                    _filter.Add(id);
                }
            });
            _known = headPosition;
            _filtered = Math.Max(_filtered, headPosition);
        }

        _filteredHash = headHash;
    }

    /// <summary>The position of the event stored under <paramref name="id"/>, or null. Call after <see cref="CatchUp"/>.</summary>
    public long? Find(Guid id)
    {
        // The filter covers both tiers, so a new id (almost every id) costs one probe and no dictionary lookup.
        if (!_filter.MightContain(id))
        {
            return null;
        }

        if (_recent.TryGetValue(id, out var position))
        {
            return position;
        }

        Span<byte> key = stackalloc byte[16];
        id.TryWriteBytes(key, bigEndian: true, out _);
        _findMerged.Bind(1, key);
        try
        {
            return _findMerged.Step() ? raw.sqlite3_column_int64(_findMerged.Handle, 0) : null;
        }
        finally
        {
            _findMerged.Reset();
        }
    }

    /// <summary>
    /// Adds the ids of an append that is being written (positions first … first+n-1) to the recent tier and the
    /// filter, before its transaction commits: the hasher thread does this beside the inserts, off the writer's path.
    /// Until <see cref="Committed"/> the append is not known to have happened; if it fails, the caller invalidates
    /// (what is staged may never be kept). An id already in the recent tier means the checks before the insert let a
    /// stored id through: a bug, refused here, before anything commits.
    /// </summary>
    public void Stage(IReadOnlyList<EventData> events, long firstPosition)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var id = events[i].EventId;
            if (!_recent.TryAdd(id, firstPosition + i))
            {
                throw new InvalidOperationException(
                    $"Event id {id} is stored at position {_recent[id]}, yet the checks before this append let it through: nothing was written (a bug).");
            }

            _filter.Add(id);
        }
    }

    /// <summary>After the transaction of the staged append committed: its last event is now the log head.</summary>
    public void Committed(long lastPosition, byte[] lastHash)
    {
        _known = lastPosition;
        _filtered = _known;
        _filteredHash = lastHash;
    }

    /// <summary>Moves the recent tier into event_ids, ids sorted; inside a transaction, after <see cref="CatchUp"/>.</summary>
    public void Merge()
    {
        // Sorted here, by the ids' stored bytes (big-endian, so two big-endian halves compare as the blobs do): reading
        // the ids back out of events and letting SQLite sort them cost twice as much.
        var sorted = new (ulong High, ulong Low, long Position)[_recent.Count];
        var i = 0;
        Span<byte> bytes = stackalloc byte[16];
        foreach (var (id, position) in _recent)
        {
            id.TryWriteBytes(bytes, bigEndian: true, out _);
            sorted[i++] = (BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), position);
        }

        Array.Sort(sorted, static (a, b) => a.High != b.High ? a.High.CompareTo(b.High) : a.Low.CompareTo(b.Low));
        foreach (var (high, low, position) in sorted)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
            BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
            _merge.Bind(1, bytes);
            _merge.Bind(2, position);
            _merge.Execute();
        }

        _setMerged.Bind(1, _known);
        _setMerged.Execute();
    }

    /// <summary>After the merge's transaction committed.</summary>
    public void Merged()
    {
        _recent.Clear();
        _merged = _known;
    }

    /// <summary>After a failure whose outcome is unknown (a commit included): the next use reloads everything.</summary>
    public void Invalidate()
    {
        _recent.Clear();
        _known = -1;
        _merged = -1;
        _filter.Clear();
        _filtered = -1;
        _filteredHash = [];
    }

    public void Dispose()
    {
        _readMerged.Dispose();
        _eventsAfter.Dispose();
        _findMerged.Dispose();
        _merge.Dispose();
        _setMerged.Dispose();
        _allMerged.Dispose();
        _hashAt.Dispose();
    }

    /// <summary>
    /// True when the events up to <see cref="_filtered"/> are still the ones the filter was built from: the hash
    /// chain makes the stored hash at that position stand for everything up to it. Free when no other process
    /// appended (the head is that position); one lookup when one did.
    /// </summary>
    private bool SameHistory(long headPosition, byte[] headHash)
    {
        if (headPosition < _filtered)
        {
            return false;
        }

        if (headPosition == _filtered)
        {
            return headHash.AsSpan().SequenceEqual(_filteredHash);
        }

        if (_filtered == 0)
        {
            return true;
        }

        _hashAt.Bind(1, _filtered);
        try
        {
            return _hashAt.Step() && raw.sqlite3_column_blob(_hashAt.Handle, 0).SequenceEqual(_filteredHash);
        }
        finally
        {
            _hashAt.Reset();
        }
    }

    /// <summary>
    /// Adds an id to the recent tier. An id there already means the table holds it twice — what the merged tier's
    /// primary key would refuse — so this refuses it too, loudly, instead of letting one copy hide the other.
    /// </summary>
    private void AddRecent(Guid id, long position)
    {
        if (!_recent.TryAdd(id, position))
        {
            throw new InvalidDataException(
                $"Event id {id} is stored twice, at positions {_recent[id]} and {position}: the store was written behind its back or by a faulty version (run `real verify`).");
        }
    }

    /// <summary>The filter from scratch: every id of the merged tier (up to <paramref name="merged"/>), read in this transaction.</summary>
    private void LoadFilter(long merged)
    {
        // Marked empty first: a load that fails half-way leaves nothing that looks complete.
        _filtered = -1;
        _filter.Clear();
        try
        {
            while (_allMerged.Step())
            {
                _filter.Add(new Guid(raw.sqlite3_column_blob(_allMerged.Handle, 0), bigEndian: true));
            }
        }
        finally
        {
            _allMerged.Reset();
        }

        _filtered = merged;
    }

    /// <summary>The id and position of every event with after &lt; position &lt;= upTo.</summary>
    private void ReadEvents(long after, long upTo, Action<Guid, long> each)
    {
        _eventsAfter.Bind(1, after);
        _eventsAfter.Bind(2, upTo);
        try
        {
            while (_eventsAfter.Step())
            {
                each(new Guid(raw.sqlite3_column_blob(_eventsAfter.Handle, 0), bigEndian: true), raw.sqlite3_column_int64(_eventsAfter.Handle, 1));
            }
        }
        finally
        {
            _eventsAfter.Reset();
        }
    }

    private long ReadMergedPosition()
    {
        try
        {
            return _readMerged.Step()
                ? raw.sqlite3_column_int64(_readMerged.Handle, 0)
                : throw new InvalidDataException("The event_id_merge row is missing: the store's schema is damaged.");
        }
        finally
        {
            _readMerged.Reset();
        }
    }
}
