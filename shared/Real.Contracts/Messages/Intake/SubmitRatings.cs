namespace Real.Contracts.Messages.Intake;

/// <summary>
/// A batch of ratings from one rating tool. Sent as plain JSON to the submit exchange (AMQP) or POSTed to /ratings
/// (HTTP); answered with exactly one <see cref="RatingsAccepted"/> or <see cref="RatingsRejected"/> carrying the same
/// <see cref="BatchId"/>. Valid ratings of a batch are recorded even when others in it are rejected (partial acceptance).
/// </summary>
public sealed record SubmitRatings(
    string ToolId,
    string BatchId,
    string DatasetId,
    IReadOnlyList<SubmittedRating> Ratings)
{
    /// <summary>Most ratings one batch may hold; a larger batch is rejected whole, before anything is recorded.</summary>
    public const int MaxRatingsPerBatch = 10_000;

    /// <summary>Most bytes one message or request body may hold (4 MiB: 10,000 ratings of ~200 bytes, with room).</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;
}
