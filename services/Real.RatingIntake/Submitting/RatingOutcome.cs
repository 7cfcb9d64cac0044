namespace Real.RatingIntake.Submitting;

/// <summary>
/// What became of one rating: recorded now, recorded before (a re-sent id with the same content), or rejected with a
/// reason. <see cref="IsBatchProblem"/> marks a rejection caused by the batch header (e.g. an unregistered data set):
/// its <see cref="Field"/> names a header field, not a field of the rating.
/// </summary>
public sealed record RatingOutcome(string RatingId, RatingOutcomeKind Kind, string? Field = null, string? Value = null, string? Reason = null, bool IsBatchProblem = false)
{
    public static RatingOutcome Recorded(string ratingId) => new(ratingId, RatingOutcomeKind.Recorded);

    public static RatingOutcome Duplicate(string ratingId) => new(ratingId, RatingOutcomeKind.Duplicate);

    public static RatingOutcome Rejected(string ratingId, string field, string? value, string reason) =>
        new(ratingId, RatingOutcomeKind.Rejected, field, value, reason);

    public static RatingOutcome RejectedWholeBatch(string ratingId, string field, string? value, string reason) =>
        new(ratingId, RatingOutcomeKind.Rejected, field, value, reason, IsBatchProblem: true);
}
