using Real.Contracts;
using Real.Contracts.Events.Reporting;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Reporting.Evaluation.LabelSets;

/// <summary>Reads imported published label sets back from their importedlabelset-{id} streams.</summary>
public sealed class ImportedLabelSets(IEventReader store, EventSerializer serializer) : ILabelSetSource
{
    public async Task<IReadOnlyList<LabelSetSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var started = new Dictionary<string, (ImportedLabelSetStarted Event, DateTimeOffset Created, string Stream)>(StringComparer.Ordinal);
        var result = new List<LabelSetSummary>();
        await foreach (var recorded in store.ReadCategoryAsync(StreamNames.ImportedLabelSetCategory, cancellationToken: cancellationToken))
        {
            switch (serializer.TryDeserialize(recorded))
            {
                case ImportedLabelSetStarted s:
                    started[s.LabelSetId] = (s, recorded.Created, recorded.Stream);
                    break;
                case ImportedLabelSetCompleted c when started.TryGetValue(c.LabelSetId, out var head):
                    var statistics = new LabelSetStatistics(c.Images, c.EvaluatedImages, c.Images - c.EvaluatedImages, c.MultiLabelImages, c.TotalLabels);
                    result.Add(new LabelSetSummary(
                        c.LabelSetId,
                        LabelSetKind.Imported,
                        head.Stream,
                        $"imported {head.Event.Format} from {head.Event.SourceFile} (sha256 {head.Event.Sha256[..12]}…)",
                        head.Created,
                        recorded.GlobalPosition,
                        Complete: true,
                        statistics));
                    break;
            }
        }

        return result;
    }

    /// <summary>Loads the labels of a complete imported set; null when no such set exists.</summary>
    public async Task<LoadedLabelSet?> LoadAsync(string labelSetId, EvaluationDataset dataset, CancellationToken cancellationToken = default)
    {
        int[][]? labels = null;
        ImportedLabelSetStarted? started = null;
        long position = 0;
        var complete = false;
        await foreach (var recorded in store.ReadStreamAsync(StreamNames.ImportedLabelSet(labelSetId), Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            switch (serializer.TryDeserialize(recorded))
            {
                case ImportedLabelSetStarted s:
                    labels = new int[s.Images][];
                    started = s;
                    break;
                case ImportedLabelsRecorded batch when labels is not null:
                    for (var j = 0; j < batch.Labels.Count; j++)
                    {
                        labels[batch.FirstImage + j] = [.. batch.Labels[j]];
                    }

                    break;
                case ImportedLabelSetCompleted:
                    complete = true;
                    position = recorded.GlobalPosition;
                    break;
            }
        }

        if (labels is null)
        {
            return null;
        }

        if (labels.Length != dataset.Images.Count)
        {
            throw new InvalidDataException($"Imported label set '{labelSetId}' covers {labels.Length:N0} images but data set '{dataset.DatasetId}' has {dataset.Images.Count:N0}.");
        }

        if (!complete || labels.Any(l => l is null))
        {
            throw new InvalidDataException($"Imported label set '{labelSetId}' is incomplete in the store (stream {StreamNames.ImportedLabelSet(labelSetId)}).");
        }

        var labelSet = new LabelSet(labelSetId, labels);
        var description = new LabelSetDescription(
            labelSetId,
            "imported",
            $"published ({started!.Format})",
            $"{started.SourceFile}, sha256 {started.Sha256[..12]}…",
            new Dictionary<string, string>(),
            null,
            labelSet.Statistics,
            position);
        return new LoadedLabelSet(labelSet, description, null);
    }
}
