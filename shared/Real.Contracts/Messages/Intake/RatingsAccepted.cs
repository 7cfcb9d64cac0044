namespace Real.Contracts.Messages.Intake;

/// <summary>
/// Reply to a <see cref="SubmitRatings"/> whose every rating is recorded. <see cref="Accepted"/> lists every rating id
/// of the batch (so a re-sent batch gets the same acceptance); <see cref="Duplicates"/> is the subset that had already
/// been recorded before this delivery and appended nothing now.
/// </summary>
public sealed record RatingsAccepted(
    string BatchId,
    string ToolId,
    IReadOnlyList<string> Accepted,
    IReadOnlyList<string> Duplicates)
{
    /// <summary>Written into the JSON ("messageType") so that a tool reading plain JSON can tell the replies apart.</summary>
    public string MessageType => nameof(RatingsAccepted);
}
