using Real.Contracts.Messages.Intake;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// The answer to one submission: exactly one of <see cref="Accepted"/> and <see cref="Rejected"/> is set.
/// <see cref="ReplyToolId"/> is the tool the reply belongs to (the authenticated one when the transport knows it),
/// null when neither the transport nor the body says who sent it.
/// </summary>
public sealed record SubmissionResult(SubmissionVerdict Verdict, string? ReplyToolId, RatingsAccepted? Accepted, RatingsRejected? Rejected)
{
    public object Reply => (object?)Accepted ?? Rejected!;

    public string? BatchId => Accepted?.BatchId ?? Rejected?.BatchId;
}
