using SQLitePCL;
using Real.EventStore.Storage;

namespace Real.EventStore.Sqlite;

/// <summary>
/// Turns the current row of a read statement (columns: position, stream, revision, event_id, event_type, data,
/// metadata, created_us, hash, metadata_id) into a <see cref="RecordedEvent"/>. Consecutive events mostly share their
/// stream, type and metadata, so those are compared as bytes (or, for metadata stored once per run, by id) with the
/// previous row and reused instead of decoded again. One instance per page read; not thread-safe.
/// </summary>
internal sealed class SqliteRowReader(sqlite3 connection) : IDisposable
{
    public const string Columns = "position, stream, revision, event_id, event_type, data, metadata, created_us, hash, metadata_id";

    private readonly MetadataDecoder _metadata = new();
    private readonly SqliteSharedMetadata _shared = new(connection);
    private readonly CachedString _stream = new();
    private readonly CachedString _type = new();

    public RecordedEvent Read(sqlite3_stmt row)
    {
        var (metadata, storedMetadata) = raw.sqlite3_column_type(row, 9) == raw.SQLITE_NULL
            ? _metadata.Decode(raw.sqlite3_column_blob(row, 6))
            : _shared.Get(raw.sqlite3_column_int64(row, 9), raw.sqlite3_column_int64(row, 0), _metadata);
        return new RecordedEvent(
            new Guid(raw.sqlite3_column_blob(row, 3), bigEndian: true),
            _type.Get(raw.sqlite3_column_blob(row, 4)),
            raw.sqlite3_column_blob(row, 5).ToArray(),
            metadata,
            Timestamps.FromMicroseconds(raw.sqlite3_column_int64(row, 7)),
            _stream.Get(raw.sqlite3_column_blob(row, 1)),
            raw.sqlite3_column_int64(row, 2),
            raw.sqlite3_column_int64(row, 0),
            raw.sqlite3_column_blob(row, 8).ToArray())
        {
            StoredMetadata = storedMetadata,
        };
    }

    public void Dispose() => _shared.Dispose();

    /// <summary>The last UTF-8 text seen in a column and its string.</summary>
    private sealed class CachedString
    {
        private byte[] _bytes = [];
        private string _value = "";

        public string Get(ReadOnlySpan<byte> utf8)
        {
            if (!utf8.SequenceEqual(_bytes))
            {
                _bytes = utf8.ToArray();
                _value = System.Text.Encoding.UTF8.GetString(utf8);
            }

            return _value;
        }
    }
}
