using Real.Contracts.Messages.Intake;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// A SubmitRatings body after <see cref="SubmitRatingsReader"/>: what could be read of the batch header, errors that
/// void the whole batch, and for each entry of "ratings" either a well-formed rating or the reason it is malformed.
/// </summary>
public sealed record ParsedSubmission(
    string? ToolId,
    string? BatchId,
    string? DatasetId,
    IReadOnlyList<BatchError> BatchErrors,
    IReadOnlyList<IndexedRating> Ratings,
    IReadOnlyList<RatingRejection> Rejections)
{
    public bool IsWholeBatchRejected => BatchErrors.Count > 0;

    public static ParsedSubmission Unreadable(BatchError error, string? toolId = null, string? batchId = null) =>
        new(toolId, batchId, null, [error], [], []);
}
