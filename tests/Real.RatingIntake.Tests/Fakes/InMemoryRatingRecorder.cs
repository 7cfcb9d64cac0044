using System.Collections.Concurrent;
using Real.Contracts.Messages.Intake;
using Real.RatingIntake.Submitting;

namespace Real.RatingIntake.Tests.Fakes;

/// <summary>
/// Stand-in for the intake's recording path while testing the transports: keeps one "event" per (tool, rating id),
/// answers a repeat with the same content as a duplicate and a reused id with other content as rejected, and rejects
/// ratings for a dataset other than <see cref="DatasetId"/> or a label outside 0..999 (enough to see that the
/// recorder's reasons reach the reply). The real recorder and validator are tested in their own slices.
/// </summary>
public sealed class InMemoryRatingRecorder : IRatingBatchRecorder
{
    public const string DatasetId = "imagenet-val";

    private readonly ConcurrentDictionary<(string Tool, string RatingId), SubmittedRating> _recorded = new();
    private int _appendCalls;

    public int RecordedCount => _recorded.Count;

    public int AppendCalls => _appendCalls;

    public IReadOnlyCollection<(string Tool, string RatingId)> Keys => [.. _recorded.Keys];

    public bool Holds(string tool, string ratingId) => _recorded.ContainsKey((tool, ratingId));

    public Task<IReadOnlyList<RatingOutcome>> RecordAsync(SubmitRatings batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _appendCalls);
        var outcomes = new List<RatingOutcome>(batch.Ratings.Count);
        foreach (var rating in batch.Ratings)
        {
            if (batch.DatasetId != DatasetId)
            {
                outcomes.Add(RatingOutcome.Rejected(rating.RatingId, "datasetId", batch.DatasetId, $"unknown dataset '{batch.DatasetId}'"));
            }
            else if (rating.Label > 999)
            {
                outcomes.Add(RatingOutcome.Rejected(rating.RatingId, "label", rating.Label.ToString(System.Globalization.CultureInfo.InvariantCulture), "no such class"));
            }
            else
            {
                var stored = _recorded.GetOrAdd((batch.ToolId, rating.RatingId), rating);
                outcomes.Add(ReferenceEquals(stored, rating) ? RatingOutcome.Recorded(rating.RatingId)
                    : stored == rating ? RatingOutcome.Duplicate(rating.RatingId)
                    : RatingOutcome.Rejected(rating.RatingId, "ratingId", rating.RatingId, "this rating id was recorded before with different content"));
            }
        }

        return Task.FromResult<IReadOnlyList<RatingOutcome>>(outcomes);
    }
}
