namespace Real.Contracts.Messages.Proposals;

/// <summary>
/// A rating task for external rating tools: one image and at most <see cref="MaxCandidates"/> candidate labels, each
/// asked as "does this label fit the image?". Published as plain JSON (no MassTransit envelope) to the tasks exchange
/// documented in docs/rating-tool-protocol.md; a tool answers with <see cref="Intake.SubmitRatings"/> naming
/// <see cref="TaskId"/> and the candidate's class index.
/// </summary>
public sealed record RatingTaskCreated(
    string TaskId,
    string DatasetId,
    string Image,
    IReadOnlyList<CandidateLabel> Candidates,
    string Instructions)
{
    /// <summary>The paper asked about at most 8 labels per image; more would overload a rater's screen.</summary>
    public const int MaxCandidates = 8;

    /// <summary>Written into the JSON ("messageType") so that a tool reading plain JSON can tell messages apart.</summary>
    public string MessageType => nameof(RatingTaskCreated);
}
