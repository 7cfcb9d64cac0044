using System.Globalization;
using System.Text.Json;
using Real.Contracts;
using Real.EventStore;

namespace Real.Reporting.Evaluation.LabelSets;

/// <summary>
/// Label-set versions derived by Real's aggregation: ids allocated in <c>labelsetindex-all</c>, each version in
/// <c>labelset-{id}</c> (AggregationStarted, RaterConfusionEstimated, LabelsDerived batches, AggregationCompleted).
/// Read as stored JSON, so reporting depends on the events' shape, not on the aggregation service's code. Images a
/// version does not list were never rated and keep their original label.
/// </summary>
public sealed class DerivedLabelSets(IEventReader store) : ILabelSetSource
{
    /// <summary>The aggregation's id allocator stream (StreamNames.LabelSetIndex in the aggregation's contracts).</summary>
    public const string IndexStream = StreamNames.LabelSetIndex;

    public async Task<IReadOnlyList<LabelSetSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<LabelSetSummary>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var allocated in store.ReadStreamAsync(IndexStream, Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            using var document = JsonDocument.Parse(allocated.Data);
            if (Text(document.RootElement, "labelSetId") is not { } id || !seen.Add(id))
            {
                continue;
            }

            var stream = StreamNames.LabelSet(id);
            JsonElement? started = null;
            DateTimeOffset? created = null;
            await foreach (var first in store.ReadStreamAsync(stream, Direction.Forwards, 0, 1, cancellationToken))
            {
                using var startedDocument = JsonDocument.Parse(first.Data);
                started = startedDocument.RootElement.Clone();
                created = first.Created;
            }

            var complete = false;
            long position = allocated.GlobalPosition;
            await foreach (var last in store.ReadStreamAsync(stream, Direction.Backwards, long.MaxValue, 1, cancellationToken))
            {
                complete = last.EventType == "AggregationCompleted";
                position = last.GlobalPosition;
            }

            var rule = started is { } s ? $"{Text(s, "rule")} {Text(s, "ruleVersion")} {Parameters(s)}".Trim() : "allocated, not started";
            result.Add(new LabelSetSummary(id, LabelSetKind.Version, stream, rule, created ?? allocated.Created, position, complete, null));
        }

        return result;
    }

    public async Task<LoadedLabelSet?> LoadAsync(string labelSetId, EvaluationDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var labels = dataset.OriginalLabels.Select(l => (IReadOnlyList<int>)[l]).ToArray();
        var scores = new Dictionary<int, IReadOnlyList<ScoredCandidate>>();
        JsonElement? started = null;
        var complete = false;
        long position = 0;
        await foreach (var recorded in store.ReadStreamAsync(StreamNames.LabelSet(labelSetId), Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            position = recorded.GlobalPosition;
            switch (recorded.EventType)
            {
                case "AggregationStarted":
                    using (var document = JsonDocument.Parse(recorded.Data))
                    {
                        started = document.RootElement.Clone();
                    }

                    break;
                case "LabelsDerived":
                    ReadBatch(recorded, dataset, labels, scores);
                    break;
                case "AggregationCompleted":
                    complete = true;
                    break;
            }
        }

        if (started is not { } head)
        {
            return null;
        }

        if (!complete)
        {
            throw new InvalidDataException($"Label set '{labelSetId}' is not complete yet (no AggregationCompleted in {StreamNames.LabelSet(labelSetId)}); wait for the run to finish or pick another.");
        }

        var labelSet = new LabelSet(labelSetId, labels);
        return new LoadedLabelSet(labelSet, Describe(labelSetId, head, labelSet.Statistics, position), scores);
    }

    internal static LabelSetDescription Describe(string id, JsonElement started, LabelSetStatistics statistics, long position)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (started.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in p.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        double? threshold = parameters.TryGetValue("threshold", out var t) && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        return new LabelSetDescription(id, "version", Text(started, "rule") ?? "?", Text(started, "ruleVersion") ?? "?", parameters, threshold, statistics, position);
    }

    private static void ReadBatch(RecordedEvent recorded, EvaluationDataset dataset, IReadOnlyList<int>[] labels, Dictionary<int, IReadOnlyList<ScoredCandidate>> scores)
    {
        using var document = JsonDocument.Parse(recorded.Data);
        if (!document.RootElement.TryGetProperty("images", out var images))
        {
            return;
        }

        foreach (var image in images.EnumerateArray())
        {
            if (Text(image, "image") is not { } file || !dataset.Images.TryFind(file, out var index))
            {
                throw new InvalidDataException($"LabelsDerived at position {recorded.GlobalPosition} names image '{Text(image, "image")}', which is not in data set '{dataset.DatasetId}'.");
            }

            labels[index] = [.. image.GetProperty("labels").EnumerateArray().Select(l => l.GetInt32())];
            scores[index] = [.. image.GetProperty("candidates").EnumerateArray().Select(c => new ScoredCandidate(c.GetProperty("label").GetInt32(), c.GetProperty("score").GetDouble()))];
        }
    }

    private static string Parameters(JsonElement started) =>
        started.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object
            ? string.Join(", ", p.EnumerateObject().Select(x => $"{x.Name}={(x.Value.ValueKind == JsonValueKind.String ? x.Value.GetString() : x.Value.GetRawText())}"))
            : string.Empty;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
