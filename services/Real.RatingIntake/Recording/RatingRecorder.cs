using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.RatingIntake.Catalog;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Recording;

/// <summary>
/// The one path by which ratings become events, for every entry point (bus, HTTP, file and bulk imports):
/// bring the <see cref="QuestionCatalog"/> up to date, validate the batch, and append every valid rating as one
/// <see cref="RatingRecorded"/> to <c>ratings-{toolId}</c> in a single atomic append. Partial acceptance: invalid
/// ratings are returned with their problem, the valid ones of the same batch are recorded.
/// Idempotent: event ids derive from (tool, rating id), so a re-sent batch appends nothing and reports duplicates;
/// a rating id already recorded with other content is rejected (the store refuses the id; the rest is retried).
/// A rater answering the same question again under a new rating id is a new event: history is kept.
/// Thread-safe.
/// </summary>
public sealed class RatingRecorder(IEventStore store, QuestionCatalog catalog, RatingValidator validator, EventTypeRegistry registry)
{
    /// <summary>Stored in each event's metadata as the producing service.</summary>
    public const string ServiceName = "rating-intake";

    private readonly string _eventType = registry.NameOf(typeof(RatingRecorded));

    public async Task<RecordingResult> RecordAsync(RatingBatch batch, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await catalog.CatchUpAsync(cancellationToken);
        var validation = validator.Validate(batch);
        var ratings = batch.Ratings ?? [];
        var outcomes = new RatingRecordingOutcome[ratings.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var problem = validation.Problems[i];
            outcomes[i] = new RatingRecordingOutcome(i, ratings[i]?.RatingId, problem is null ? RecordingStatus.Recorded : RecordingStatus.Rejected, problem);
        }

        if (validation.Valid.Count > 0)
        {
            await AppendAsync(batch, validation.Valid, metadata, outcomes, cancellationToken);
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            if (validation.RepeatOf[i] is var earlier and >= 0)
            {
                // An exact repeat inside the batch shares the first copy's fate but never appends anything itself.
                var first = outcomes[earlier];
                outcomes[i] = first with { Index = i, Status = first.Status == RecordingStatus.Recorded ? RecordingStatus.Duplicate : first.Status };
            }
        }

        return new RecordingResult(outcomes, validation.BatchProblem);
    }

    private async Task AppendAsync(RatingBatch batch, List<ValidRating> valid, EventMetadata? metadata, RatingRecordingOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var tool = batch.Tool;
        var stream = StreamNames.Ratings(tool.ToolId);
        metadata ??= new EventMetadata { CausationId = batch.BatchId, ProducingService = ServiceName };
        var json = new RatingRecordedJson();
        var events = new List<EventData>(valid.Count);
        var indexes = new List<int>(valid.Count);
        foreach (var v in valid)
        {
            var r = v.Rating;
            var recorded = new RatingRecorded(r.RatingId, tool.ToolId, batch.BatchId, r.RaterId, tool.Role, batch.DatasetId, v.Image, v.Label, r.Answer, r.AnsweredAt, r.TaskId);
            events.Add(new EventData(RatingEventIds.For(tool.ToolId, r.RatingId), _eventType, json.Write(recorded), metadata));
            indexes.Add(v.Index);
        }

        AppendResult? result = null;
        while (events.Count > 0)
        {
            try
            {
                result = await store.AppendToStreamAsync(stream, ExpectedRevision.Any, events, cancellationToken);
                break;
            }
            catch (DuplicateEventIdException conflict)
            {
                // The store holds this rating id with other content and wrote nothing: reject that rating, retry the rest.
                var at = events.FindIndex(e => e.EventId == conflict.EventId);
                if (at < 0)
                {
                    throw;
                }

                var index = indexes[at];
                outcomes[index] = outcomes[index] with
                {
                    Status = RecordingStatus.Rejected,
                    Problem = new RatingProblem(
                        "ratingId",
                        outcomes[index].RatingId,
                        $"tool '{tool.ToolId}' already recorded this rating id with different content (rater, question, answer, time or batch id); a rating id names one rating, use a new id for a new answer"),
                };
                events.RemoveAt(at);
                indexes.RemoveAt(at);
            }
        }

        if (result is null || result.AppendedCount == events.Count)
        {
            return;
        }

        var fresh = await FreshIdsAsync(stream, result, cancellationToken);
        for (var i = 0; i < events.Count; i++)
        {
            if (!fresh.Contains(events[i].EventId))
            {
                outcomes[indexes[i]] = outcomes[indexes[i]] with { Status = RecordingStatus.Duplicate };
            }
        }
    }

    /// <summary>The ids of the events this append added: an append is atomic, so they are the stream's last AppendedCount revisions.</summary>
    private async Task<HashSet<Guid>> FreshIdsAsync(string stream, AppendResult result, CancellationToken cancellationToken)
    {
        var fresh = new HashSet<Guid>(result.AppendedCount);
        if (result.AppendedCount == 0)
        {
            return fresh;
        }

        var from = result.NextExpectedRevision - result.AppendedCount + 1;
        await foreach (var e in store.ReadStreamAsync(stream, Direction.Forwards, from, result.AppendedCount, cancellationToken))
        {
            fresh.Add(e.EventId);
        }

        return fresh;
    }
}
