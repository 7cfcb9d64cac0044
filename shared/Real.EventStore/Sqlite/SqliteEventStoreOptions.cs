namespace Real.EventStore.Sqlite;

/// <summary>Tuning of the embedded store. The defaults suit Real; the benchmark uses them as they are.</summary>
public sealed record SqliteEventStoreOptions
{
    /// <summary>Events per read page. Bounds the memory of a read; large enough that paging costs nothing measurable.</summary>
    public int ReadPageSize { get; init; } = 4096;

    /// <summary>
    /// SQLite's synchronous setting in WAL mode. NORMAL (default) syncs only at checkpoints: a crash of the process
    /// loses nothing committed, a power cut or OS crash may lose the appends since the last checkpoint (whole
    /// transactions, never part of one, so positions and the hash chain stay consistent). FULL syncs the WAL at every
    /// commit, so a committed append survives a power cut, at one fsync per append.
    /// </summary>
    public string Synchronous { get; init; } = "NORMAL";

    /// <summary>Pages of cache per connection (negative: KiB). 32 MiB keeps the id and stream indexes of a million events hot.</summary>
    public int CacheSize { get; init; } = -32768;

    /// <summary>
    /// The fewest appended event ids the writer keeps in memory (the recent tier) before it merges them into the
    /// event_ids table (Scripts/002_event_id_tiers.sql). Larger: fewer merges, more memory (~40 bytes an id) and a
    /// longer catch-up when a store opens. Tests use a tiny value so every test crosses the tiers.
    /// </summary>
    public int RecentEventIdsBeforeMerge { get; init; } = 65536;

    /// <summary>
    /// Page size of a new database file (an existing file keeps the one it was created with). 32 KiB rather than 8:
    /// events are appended in position order, so big pages mean fewer B-tree pages to write and walk (1M appends
    /// ~10% faster, a full read ~15% faster in `real bench store`).
    /// </summary>
    public int PageSize { get; init; } = 32768;

    /// <summary>
    /// WAL bytes committed between two checkpoints (copies of the WAL into the database file, run by the store's
    /// checkpointer thread; see <see cref="SqliteCheckpointer"/>). The WAL file grows to about four times this before
    /// it starts over. Larger: a page that several commits rewrite (the head of the events table, the stream index)
    /// is copied once, not once per commit; but a larger WAL file on disk and more to replay after a crash.
    /// </summary>
    public long WalBytesBeforeCheckpoint { get; init; } = 64L << 20;

    /// <summary>
    /// Bytes of the database file each connection maps into memory for reading (0, the default: read() only). Off by
    /// default: a full read of 1M events was no faster measurably, and mapped pages count in the process's RSS
    /// (peak 456 MB instead of 145 MB in `real bench store`).
    /// </summary>
    public long MmapSize { get; init; }

    /// <summary>How long a writer waits for another process's write lock before it fails.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
