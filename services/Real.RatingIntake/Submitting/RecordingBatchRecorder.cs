using Real.Contracts.Messages.Intake;
using Real.RatingIntake.Recording;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// The transports' <see cref="IRatingBatchRecorder"/>: hands a well-formed SubmitRatings batch to the intake's one
/// recording path (<see cref="RatingRecorder"/>: catalogue catch-up, <see cref="RatingValidator"/>, one atomic append
/// of RatingRecorded events with ids from (tool, rating id)) and translates its outcomes. Owns no rule of its own:
/// the validator decides what is valid, the recorder what is new. A tool on the bus or HTTP is a crowd tool whose
/// rater namespace is its own id (<see cref="SubmittingTool.For"/>).
/// </summary>
public sealed class RecordingBatchRecorder(RatingRecorder recorder) : IRatingBatchRecorder
{
    public async Task<IReadOnlyList<RatingOutcome>> RecordAsync(SubmitRatings batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var incoming = new IncomingRating[batch.Ratings.Count];
        for (var i = 0; i < incoming.Length; i++)
        {
            var r = batch.Ratings[i];
            incoming[i] = new IncomingRating(r.RatingId, r.TaskId, r.Image, r.Label, r.RaterId, r.Answer, r.AnsweredAt);
        }

        var result = await recorder.RecordAsync(new RatingBatch(SubmittingTool.For(batch.ToolId), batch.BatchId, batch.DatasetId, incoming), cancellationToken: cancellationToken);
        var outcomes = new RatingOutcome[incoming.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = result.Outcomes[i];
            var ratingId = incoming[i].RatingId;
            outcomes[i] = outcome.Status switch
            {
                RecordingStatus.Recorded => RatingOutcome.Recorded(ratingId),
                RecordingStatus.Duplicate => RatingOutcome.Duplicate(ratingId),
                _ when result.BatchProblem is { } batchProblem => RatingOutcome.RejectedWholeBatch(ratingId, batchProblem.Field, batchProblem.Value, batchProblem.Reason),
                _ => RatingOutcome.Rejected(ratingId, outcome.Problem!.Field, outcome.Problem.Value, outcome.Problem.Reason),
            };
        }

        return outcomes;
    }
}
