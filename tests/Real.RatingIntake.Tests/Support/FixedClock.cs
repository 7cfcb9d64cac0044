namespace Real.RatingIntake.Tests.Support;

/// <summary>A clock that stands still at <see cref="Now"/>, so answered-at checks are deterministic.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
