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

    /// <summary>Validates and records one batch; returns one outcome per rating, in batch order.</summary>
    /// <param name="metadata">Stored with every event; default: causation = the batch id, producer = rating-intake.</param>
    public async Task<RecordingResult> RecordAsync(RatingBatch batch, EventMetadata? metadata = null, CancellationToken cancellationToken = default) =>
        await CommitAsync(await PrepareAsync(batch, metadata, cancellationToken), cancellationToken);

    /// <summary>First half of <see cref="RecordAsync"/>: catch the catalogue up, validate, build the events. Writes nothing.</summary>
    public async Task<PreparedRatings> PrepareAsync(RatingBatch batch, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
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

        var tool = batch.Tool;
        var events = new List<EventData>(validation.Valid.Count);
        var indexes = new List<int>(validation.Valid.Count);
        if (validation.Valid.Count > 0)
        {
            metadata ??= new EventMetadata { CausationId = batch.BatchId, ProducingService = ServiceName };
            var json = new RatingRecordedJson();
            using var ids = new RatingEventIds();
            foreach (var v in validation.Valid)
            {
                var r = v.Rating;
                var recorded = new RatingRecorded(r.RatingId, tool.ToolId, batch.BatchId, r.RaterId, tool.Role, batch.DatasetId, v.Image, v.Label, r.Answer, r.AnsweredAt, r.TaskId);
                events.Add(new EventData(ids.Next(tool.ToolId, r.RatingId), _eventType, json.Write(recorded), metadata));
                indexes.Add(v.Index);
            }
        }

        var toolId = tool?.ToolId ?? "";
        return new PreparedRatings(StreamNames.Ratings(toolId), toolId, validation, outcomes, events, indexes);
    }

    /// <summary>Second half of <see cref="RecordAsync"/>: append the prepared events atomically and settle every outcome.</summary>
    public async Task<RecordingResult> CommitAsync(PreparedRatings prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Committed)
        {
            throw new InvalidOperationException("This prepared batch was committed already.");
        }

        prepared.Committed = true;
        var outcomes = prepared.Outcomes;
        if (prepared.Events.Count > 0)
        {
            await AppendAsync(prepared, cancellationToken);
        }

        var repeatOf = prepared.Validation.RepeatOf;
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (repeatOf[i] is var earlier and >= 0)
            {
                // An exact repeat inside the batch shares the first copy's fate but never appends anything itself.
                var first = outcomes[earlier];
                outcomes[i] = first with { Index = i, Status = first.Status == RecordingStatus.Recorded ? RecordingStatus.Duplicate : first.Status };
            }
        }

        return new RecordingResult(outcomes, prepared.Validation.BatchProblem);
    }

    private async Task AppendAsync(PreparedRatings prepared, CancellationToken cancellationToken)
    {
        var (events, indexes, outcomes) = (prepared.Events, prepared.Indexes, prepared.Outcomes);
        AppendResult? result = null;
        while (events.Count > 0)
        {
            try
            {
                result = await store.AppendToStreamAsync(prepared.Stream, ExpectedRevision.Any, events, cancellationToken);
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
                        $"tool '{prepared.ToolId}' already recorded this rating id with different content (rater, question, answer, time or batch id); a rating id names one rating, use a new id for a new answer"),
                };
                events.RemoveAt(at);
                indexes.RemoveAt(at);
            }
        }

        if (result is null || result.AppendedCount == events.Count)
        {
            return;
        }

        var fresh = await FreshIdsAsync(prepared.Stream, result, cancellationToken);
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
