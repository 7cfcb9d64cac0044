using Real.Aggregation.Golden;
using Real.Aggregation.Inputs;
using Real.Contracts;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Aggregation.LabelSets;

/// <summary>
/// The read side of label sets for the CLI and other services: a label set laid over its data set, the
/// difference of two, and the evaluation against the experts' golden answers.
/// </summary>
public sealed class LabelSetQueries(IEventStore store, EventSerializer serializer)
{
    public LabelSetReader Reader { get; } = new(store, serializer);

    /// <summary>The label set <paramref name="reference"/> (an id, "latest" or "latest~N") over its data set.</summary>
    public async Task<LabelSetView> ViewAsync(string reference, CancellationToken cancellationToken = default)
    {
        var id = await Reader.ResolveAsync(reference, cancellationToken: cancellationToken);
        var labelSet = await Reader.ReadAsync(id, cancellationToken);
        var dataset = await new DatasetReader(store, serializer).ReadRegistrationAsync(labelSet.Started.DatasetId, cancellationToken);
        return new LabelSetView(labelSet, dataset);
    }

    public async Task<LabelSetDifference> DiffAsync(string before, string after, CancellationToken cancellationToken = default) =>
        LabelSetDiff.Compute(await ViewAsync(before, cancellationToken), await ViewAsync(after, cancellationToken));

    /// <summary>Precision and recall against every expert rating of the label set's data set recorded so far.</summary>
    public async Task<GoldenReport> GoldenAsync(string reference, CancellationToken cancellationToken = default)
    {
        var view = await ViewAsync(reference, cancellationToken);
        var dataset = new DatasetSnapshot(view.Dataset.DatasetId, view.Dataset.ImageFiles, view.Dataset.OriginalLabels, new bool[view.Dataset.ClassNames.Count]);
        var experts = await new RatingLogReader(store).ReadAsync(dataset, RaterRole.Expert, await store.GetHeadPositionAsync(cancellationToken), cancellationToken: cancellationToken);
        if (experts.Ratings == 0)
        {
            throw new InvalidOperationException($"There are no expert ratings of data set '{view.Dataset.DatasetId}' in the event store: import the golden votes first.");
        }

        return GoldenEvaluation.Evaluate(view, experts.Input);
    }
}
