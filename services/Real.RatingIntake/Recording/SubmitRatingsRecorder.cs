using Real.Contracts.Messages.Intake;
using Real.RatingIntake.Submitting;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Recording;

/// <summary>
/// The transports' seam (<see cref="IRatingBatchRecorder"/>) over the recording path: a SubmitRatings batch from
/// the bus or HTTP becomes a <see cref="RatingBatch"/> of a crowd tool whose rater namespace is its own id, goes
/// through <see cref="RatingRecorder"/>, and each outcome is mapped back (field names as in the rating's JSON).
/// </summary>
public sealed class SubmitRatingsRecorder(RatingRecorder recorder) : IRatingBatchRecorder
{
    public async Task<IReadOnlyList<RatingOutcome>> RecordAsync(SubmitRatings batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ratings = new List<IncomingRating>(batch.Ratings.Count);
        foreach (var r in batch.Ratings)
        {
            ratings.Add(new IncomingRating(r.RatingId, r.TaskId, r.Image, r.Label, r.RaterId, r.Answer, r.AnsweredAt));
        }

        var result = await recorder.RecordAsync(new RatingBatch(SubmittingTool.For(batch.ToolId), batch.BatchId, batch.DatasetId, ratings), metadata: null, cancellationToken);
        var outcomes = new RatingOutcome[result.Outcomes.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = result.Outcomes[i];
            var ratingId = batch.Ratings[i].RatingId;
            outcomes[i] = outcome.Status switch
            {
                RecordingStatus.Recorded => RatingOutcome.Recorded(ratingId),
                RecordingStatus.Duplicate => RatingOutcome.Duplicate(ratingId),
                _ => RatingOutcome.Rejected(ratingId, outcome.Problem!.Field, outcome.Problem.Value, outcome.Problem.Reason),
            };
        }

        return outcomes;
    }
}
