namespace Real.EventStore.Storage;

/// <summary>
/// Reads one page of a read: the events whose key (position or revision) is <paramref name="from"/> or further along
/// the read's direction, in order, at most <paramref name="limit"/> of them. Called on the thread pool, possibly for
/// two pages of one read at once, so each call uses a connection of its own.
/// </summary>
internal delegate Task<List<RecordedEvent>> PageFetch(long from, int limit, CancellationToken cancellationToken);
