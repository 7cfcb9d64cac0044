namespace Real.EventStore;

/// <summary>
/// Event timestamps are kept as whole microseconds since the Unix epoch (UTC): the precision PostgreSQL stores,
/// and the integer the hash chain covers. Anything finer is cut off before an event is stored.
/// </summary>
public static class Timestamps
{
    public static long ToMicroseconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>Now, cut to whole microseconds.</summary>
    public static long NowMicroseconds(TimeProvider clock) => ToMicroseconds(clock.GetUtcNow());
}
