namespace Real.EventStore;

public interface IEventWriter
{
    /// <summary>
    /// Appends atomically: all events or none. Checks <paramref name="expected"/> against the stream's last revision;
    /// a mismatch throws <see cref="WrongExpectedVersionException"/>. Events whose ids the stream already holds with the
    /// same type and data are skipped (idempotent); if every event is such a repeat the call succeeds and appends nothing,
    /// whatever the expected revision. Same id with other content throws <see cref="DuplicateEventIdException"/>.
    /// Appending zero events creates nothing.
    /// </summary>
    Task<AppendResult> AppendToStreamAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);
}
