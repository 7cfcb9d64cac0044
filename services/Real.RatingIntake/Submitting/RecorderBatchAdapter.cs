using Real.Contracts.Messages.Intake;
using Real.RatingIntake.Recording;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// The transports' seam (<see cref="IRatingBatchRecorder"/>) onto the intake's one recording path
/// (<see cref="RatingRecorder"/>): a tool speaking over the bus or HTTP submits as itself (its id as rater namespace,
/// crowd role), and every recorder outcome becomes the transport's outcome for the same rating, in order.
/// </summary>
public sealed class RecorderBatchAdapter(RatingRecorder recorder) : IRatingBatchRecorder
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

        var result = await recorder.RecordAsync(new RatingBatch(SubmittingTool.For(batch.ToolId), batch.BatchId, batch.DatasetId, incoming), metadata: null, cancellationToken);
        var outcomes = new RatingOutcome[incoming.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = result.Outcomes[i];
            var ratingId = incoming[i].RatingId;
            var problem = outcome.Problem ?? result.BatchProblem;
            outcomes[i] = outcome.Status switch
            {
                RecordingStatus.Recorded => RatingOutcome.Recorded(ratingId),
                RecordingStatus.Duplicate => RatingOutcome.Duplicate(ratingId),
                _ => RatingOutcome.Rejected(ratingId, problem?.Field ?? "", problem?.Value, problem?.Reason ?? "rejected"),
            };
        }

        return outcomes;
    }
}
