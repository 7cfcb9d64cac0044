using Real.Aggregation.Labels;
using Real.Aggregation.Rules;
using Real.Contracts.Events.Aggregation;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Aggregation.Runs;

/// <summary>
/// Builds the events of one label-set version, in order: started, rater confusion (model-based rules only),
/// labels in batches of <see cref="ImagesPerBatch"/> images, completed. Event ids derive from the run id, so a
/// repeated run produces the same ids.
/// </summary>
public static class LabelSetEvents
{
    public const int ImagesPerBatch = 1000;

    public const string ProducingService = "aggregation";

    public static RaterConfusionEstimated? Confusion(string labelSetId, RuleOutcome outcome) =>
        outcome.PriorFits is { } prior
            ? new RaterConfusionEstimated(
                labelSetId,
                prior,
                outcome.Raters.Select(r => new RaterConfusion(r.RaterId, r.Votes, r.Rows.GivenNotFits, r.Rows.GivenFits)).ToArray())
            : null;

    public static IEnumerable<LabelsDerived> Labels(string labelSetId, IReadOnlyList<string> imageFiles, DerivedLabels derived)
    {
        for (var start = 0; start < derived.Images.Count; start += ImagesPerBatch)
        {
            var batch = derived.Images.Skip(start).Take(ImagesPerBatch).Select(image => new ImageLabelSet(
                imageFiles[image.Image],
                image.Candidates.Select((label, i) => new ScoredLabel(label, image.Scores[i])).ToArray(),
                image.Set.ToArray()));
            yield return new LabelsDerived(labelSetId, start / ImagesPerBatch, batch.ToArray());
        }
    }

    public static IReadOnlyList<EventData> ToEventData(
        EventSerializer serializer,
        Guid runId,
        AggregationStarted started,
        RaterConfusionEstimated? confusion,
        IReadOnlyList<LabelsDerived> labels,
        AggregationCompleted completed)
    {
        var metadata = new EventMetadata
        {
            CorrelationId = runId.ToString(),
            CausationId = runId.ToString(),
            SourceMessageId = runId.ToString(),
            ProducingService = ProducingService,
        };
        var events = new List<EventData> { serializer.ToEventData(Id(runId, "started"), started, metadata) };
        if (confusion is not null)
        {
            events.Add(serializer.ToEventData(Id(runId, "confusion"), confusion, metadata));
        }

        events.AddRange(labels.Select(batch => serializer.ToEventData(Id(runId, $"labels:{batch.Batch}"), batch, metadata)));
        events.Add(serializer.ToEventData(Id(runId, "completed"), completed, metadata));
        return events;
    }

    private static Guid Id(Guid runId, string part) => DeterministicGuid.Create($"aggregation-run:{runId:N}:{part}");
}
