namespace Real.RatingIntake.Validation;

/// <summary>The limits every entry point enforces (documented in docs/intake.md and docs/rating-tool-protocol.md).</summary>
public static class RatingLimits
{
    /// <summary>Most ratings in one batch (the same limit as SubmitRatings.MaxRatingsPerBatch); a larger batch is rejected whole.</summary>
    public const int MaxRatingsPerBatch = 10_000;

    /// <summary>Longest id (tool, batch, rating, rater, task, image, data set) in characters.</summary>
    public const int MaxIdLength = 200;

    /// <summary>How far in the future an answered-at time may lie (clock skew between a tool and Real).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>No rating is older than this: earlier times are typos or zero values.</summary>
    public static readonly DateTimeOffset EarliestAnsweredAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
