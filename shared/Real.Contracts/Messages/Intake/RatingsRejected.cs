namespace Real.Contracts.Messages.Intake;

/// <summary>
/// Reply to a <see cref="SubmitRatings"/> of which at least one rating (or the whole batch) was not recorded.
/// <see cref="BatchErrors"/> non-empty: nothing was recorded. Otherwise the batch was partially accepted:
/// <see cref="Rejected"/> says why each rejected rating failed, <see cref="Accepted"/> and <see cref="Duplicates"/>
/// mean what they mean in <see cref="RatingsAccepted"/>. <see cref="BatchId"/> and <see cref="ToolId"/> are null only
/// when the message was too broken to read them.
/// </summary>
public sealed record RatingsRejected(
    string? BatchId,
    string? ToolId,
    IReadOnlyList<BatchError> BatchErrors,
    IReadOnlyList<RatingRejection> Rejected,
    IReadOnlyList<string> Accepted,
    IReadOnlyList<string> Duplicates)
{
    /// <summary>Written into the JSON ("messageType") so that a tool reading plain JSON can tell the replies apart.</summary>
    public string MessageType => nameof(RatingsRejected);
}
