using System.Globalization;
using Real.Contracts;
using Real.Contracts.Events.Aggregation;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Aggregation.LabelSets;

/// <summary>
/// Reads label sets back: the list (from the index plus each version's first and last events), one whole version,
/// and references such as "latest" or "latest~1" (the one before).
/// </summary>
public sealed class LabelSetReader(IEventStore store, EventSerializer serializer)
{
    public async Task<IReadOnlyList<LabelSetSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var index = await new LabelSetIndex(store, serializer).ReadAsync(cancellationToken);
        var summaries = new List<LabelSetSummary>(index.Count);
        foreach (var allocation in index)
        {
            var stream = StreamNames.LabelSet(allocation.LabelSetId);
            var first = await FirstAsync(stream, Direction.Forwards, cancellationToken);
            var last = await FirstAsync(stream, Direction.Backwards, cancellationToken);
            summaries.Add(new LabelSetSummary(
                allocation,
                first is null ? null : serializer.TryDeserialize(first) as AggregationStarted,
                last is null ? null : serializer.TryDeserialize(last) as AggregationCompleted));
        }

        return summaries;
    }

    /// <summary>
    /// Resolves "latest" (the newest complete label set), "latest~N" (N complete ones before it) or an id, optionally
    /// among one data set's label sets only.
    /// </summary>
    public async Task<string> ResolveAsync(string reference, string? datasetId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (!reference.StartsWith("latest", StringComparison.OrdinalIgnoreCase))
        {
            return reference;
        }

        var back = 0;
        var suffix = reference["latest".Length..];
        if (suffix.Length > 0 && (suffix[0] != '~' || !int.TryParse(suffix[1..], NumberStyles.None, CultureInfo.InvariantCulture, out back)))
        {
            throw new ArgumentException($"Label set reference '{reference}' is not understood: use an id, 'latest' or 'latest~N'.");
        }

        var complete = (await ListAsync(cancellationToken))
            .Where(s => s.IsComplete && (datasetId is null || s.Allocation.DatasetId == datasetId))
            .ToList();
        if (back >= complete.Count)
        {
            throw new ArgumentException(complete.Count == 0
                ? "There is no complete label set yet: run `real aggregate` first."
                : $"'{reference}' goes back {back} label sets but only {complete.Count} exist.");
        }

        return complete[^(back + 1)].Id;
    }

    public async Task<StoredLabelSet> ReadAsync(string labelSetId, CancellationToken cancellationToken = default)
    {
        var stream = StreamNames.LabelSet(labelSetId);
        AggregationStarted? started = null;
        RaterConfusionEstimated? confusion = null;
        AggregationCompleted? completed = null;
        var images = new List<ImageLabelSet>();
        await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            switch (serializer.TryDeserialize(recorded))
            {
                case AggregationStarted s:
                    started = s;
                    break;
                case RaterConfusionEstimated c:
                    confusion = c;
                    break;
                case LabelsDerived batch:
                    images.AddRange(batch.Images);
                    break;
                case AggregationCompleted c:
                    completed = c;
                    break;
            }
        }

        if (started is null)
        {
            throw new ArgumentException($"There is no label set '{labelSetId}' (stream '{stream}' is empty). `real labelsets list` shows the ones there are.");
        }

        if (completed is null)
        {
            throw new InvalidDataException($"Label set '{labelSetId}' is incomplete: stream '{stream}' has no AggregationCompleted.");
        }

        return new StoredLabelSet(started, confusion, images, completed);
    }

    /// <summary>Only the rater estimates of a label set (for a warm start), or null when its rule has none.</summary>
    public async Task<RaterConfusionEstimated?> ReadConfusionAsync(string labelSetId, CancellationToken cancellationToken = default)
    {
        await foreach (var recorded in store.ReadStreamAsync(StreamNames.LabelSet(labelSetId), Direction.Forwards, 0, maxCount: 2, cancellationToken))
        {
            if (serializer.TryDeserialize(recorded) is RaterConfusionEstimated confusion)
            {
                return confusion;
            }
        }

        return null;
    }

    private async Task<RecordedEvent?> FirstAsync(string stream, Direction direction, CancellationToken cancellationToken)
    {
        await foreach (var recorded in store.ReadStreamAsync(stream, direction, direction == Direction.Forwards ? 0 : long.MaxValue, 1, cancellationToken))
        {
            return recorded;
        }

        return null;
    }
}
