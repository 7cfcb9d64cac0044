using Real.Contracts.Messages.Intake;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// The seam between the transports (bus consumer, HTTP endpoint) and the intake's recording path: validates the
/// well-formed ratings of one batch against what the store knows (dataset, questions, tasks, rater namespace, sane
/// times) and appends one RatingRecorded per valid rating, idempotently (event id from (tool, rating id)).
/// Returns one outcome per rating, in the batch's order. Never half-writes: an exception means nothing was appended.
/// </summary>
public interface IRatingBatchRecorder
{
    Task<IReadOnlyList<RatingOutcome>> RecordAsync(SubmitRatings batch, CancellationToken cancellationToken);
}
