using SQLitePCL;
using Real.EventStore.Storage;

namespace Real.EventStore.Sqlite;

/// <summary>
/// Resolves the metadata_id of events whose metadata is stored once for their run (Scripts/003) while a page is read.
/// The events of a run are consecutive, so the last id resolved is kept and almost every event reuses it; the lookup
/// statement is prepared on the first id met, so a read of inline-only events never prepares it. It runs on the
/// reading connection, inside the read transaction of the page being stepped, so it sees the same snapshot.
/// One instance per page read (ReadAhead reads pages on their own connections); not thread-safe.
/// </summary>
internal sealed class SqliteSharedMetadata(sqlite3 connection) : IDisposable
{
    private SqliteStatement? _lookup;
    private long _lastId = -1;
    private (EventMetadata Metadata, byte[] Stored) _last;

    public (EventMetadata Metadata, byte[] Stored) Get(long metadataId, long position, MetadataDecoder decoder)
    {
        if (metadataId == _lastId)
        {
            return _last;
        }

        _lookup ??= new SqliteStatement(connection, "SELECT metadata FROM event_metadata WHERE id = ?1");
        _lookup.Bind(1, metadataId);
        try
        {
            if (!_lookup.Step())
            {
                throw new InvalidDataException(
                    $"The event at position {position} refers to metadata row {metadataId}, which event_metadata does not have: the store was edited behind its back.");
            }

            _last = decoder.Decode(raw.sqlite3_column_blob(_lookup.Handle, 0));
            _lastId = metadataId;
            return _last;
        }
        finally
        {
            _lookup.Reset();
        }
    }

    public void Dispose() => _lookup?.Dispose();
}
