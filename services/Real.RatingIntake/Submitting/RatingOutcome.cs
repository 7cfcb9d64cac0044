namespace Real.RatingIntake.Submitting;

/// <summary>What became of one rating: recorded now, recorded before (a re-sent id with the same content), or rejected with a reason.</summary>
public sealed record RatingOutcome(string RatingId, RatingOutcomeKind Kind, string? Field = null, string? Value = null, string? Reason = null)
{
    public static RatingOutcome Recorded(string ratingId) => new(ratingId, RatingOutcomeKind.Recorded);

    public static RatingOutcome Duplicate(string ratingId) => new(ratingId, RatingOutcomeKind.Duplicate);

    public static RatingOutcome Rejected(string ratingId, string field, string? value, string reason) =>
        new(ratingId, RatingOutcomeKind.Rejected, field, value, reason);
}
