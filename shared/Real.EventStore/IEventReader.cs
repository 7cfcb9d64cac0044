namespace Real.EventStore;

/// <summary>Reads stream with bounded memory: implementations page through the log, never load it whole.</summary>
public interface IEventReader
{
    /// <summary>
    /// Reads one stream from <paramref name="fromRevision"/> (inclusive) in the given direction; backwards from
    /// <see cref="long.MaxValue"/> starts at the end. A stream that does not exist reads as empty.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, long maxCount = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>The global log ($all) forwards, events with position greater than <paramref name="afterPosition"/> (0 = from the start).</summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>Events of every stream whose category (prefix before the first '-') is <paramref name="category"/>, in global order.</summary>
    IAsyncEnumerable<RecordedEvent> ReadCategoryAsync(string category, long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>The stream's last revision, or null when it does not exist.</summary>
    Task<long?> GetStreamRevisionAsync(string stream, CancellationToken cancellationToken = default);

    /// <summary>The global position of the last committed event (0 when the log is empty).</summary>
    Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default);
}
