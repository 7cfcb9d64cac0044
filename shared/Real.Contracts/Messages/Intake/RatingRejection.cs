namespace Real.Contracts.Messages.Intake;

/// <summary>
/// Why one rating of a batch was not recorded. <see cref="Index"/> is its position in the batch's "ratings" array,
/// <see cref="Field"/> a JSON path such as "ratings[3].answer", <see cref="Value"/> the offending value as sent
/// (truncated to 200 characters; null when the field is missing).
/// </summary>
public sealed record RatingRejection(
    string? RatingId,
    int Index,
    string Field,
    string? Value,
    string Reason);
