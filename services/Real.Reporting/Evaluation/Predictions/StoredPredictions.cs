using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Reporting.Evaluation.Predictions;

/// <summary>
/// Predictions already in the event store (<see cref="PredictionsRecorded"/>, from `real propose` or `real import
/// predictions`) as <see cref="TopKPredictions"/>, so a model run or imported once is evaluated without its files:
/// <c>model:ID</c> reads one model's stream, <c>stored</c> every model's. Per model and image, the latest prediction of
/// the model's latest version (the version its newest event names) counts, as when proposals are pooled. Images the
/// model never predicted have no prediction (wrong wherever the label set has labels); predictions recorded for
/// another data set are left out, and a model with none for this one is an error.
/// </summary>
public static class StoredPredictions
{
    public const string ModelPrefix = "model:";

    public const string AllModels = "stored";

    public static bool IsReference(string reference) =>
        reference.StartsWith(ModelPrefix, StringComparison.Ordinal) || string.Equals(reference, AllModels, StringComparison.Ordinal);

    public static async Task<IReadOnlyList<TopKPredictions>> ReadAsync(
        IEventReader store, EventSerializer serializer, string reference, EvaluationDataset dataset, int k = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(dataset);
        string? modelId = null;
        if (reference.StartsWith(ModelPrefix, StringComparison.Ordinal))
        {
            modelId = reference[ModelPrefix.Length..];
            if (modelId.Length == 0)
            {
                throw new ArgumentException($"--predictions '{reference}': name the model after '{ModelPrefix}', e.g. {ModelPrefix}resnet50.");
            }
        }
        else if (!string.Equals(reference, AllModels, StringComparison.Ordinal))
        {
            throw new ArgumentException($"--predictions '{reference}': not a stored-predictions reference ({ModelPrefix}ID or {AllModels}).");
        }

        var events = modelId is null
            ? store.ReadCategoryAsync(StreamNames.PredictionsCategory, cancellationToken: cancellationToken)
            : store.ReadStreamAsync(StreamNames.Predictions(modelId), Direction.Forwards, 0, cancellationToken: cancellationToken);
        var type = serializer.Registry.NameOf(typeof(PredictionsRecorded));
        var models = new SortedDictionary<string, ModelRows>(StringComparer.Ordinal);
        var otherDatasets = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var recorded in events)
        {
            if (recorded.EventType != type)
            {
                continue;
            }

            var batch = serializer.Deserialize<PredictionsRecorded>(recorded);
            if (!string.Equals(batch.DatasetId, dataset.DatasetId, StringComparison.Ordinal))
            {
                otherDatasets.Add(batch.DatasetId);
                continue;
            }

            if (!models.TryGetValue(batch.ModelId, out var rows))
            {
                models[batch.ModelId] = rows = new ModelRows(dataset.Images.Count, k);
            }

            rows.Add(batch, recorded, dataset);
        }

        if (models.Count == 0)
        {
            var elsewhere = otherDatasets.Count == 0 ? "" : $" (only for data set {string.Join(", ", otherDatasets.Select(d => $"'{d}'"))})";
            throw new InvalidDataException(modelId is null
                ? $"The store holds no predictions for data set '{dataset.DatasetId}'{elsewhere}: run `real propose` or `real import predictions` first."
                : $"Model '{modelId}' has no predictions for data set '{dataset.DatasetId}' in the store{elsewhere}.");
        }

        return [.. models.Select(m => new TopKPredictions(m.Key, k, m.Value.Latest()))];
    }

    /// <summary>One model's rows per version, the latest prediction of each image winning.</summary>
    private sealed class ModelRows(int imageCount, int k)
    {
        private readonly Dictionary<string, int[]> _byVersion = new(StringComparer.Ordinal);
        private string _latestVersion = "";

        public void Add(PredictionsRecorded batch, RecordedEvent recorded, EvaluationDataset dataset)
        {
            _latestVersion = batch.ModelVersion;
            if (!_byVersion.TryGetValue(batch.ModelVersion, out var ranked))
            {
                _byVersion[batch.ModelVersion] = ranked = new int[imageCount * k];
                Array.Fill(ranked, TopKPredictions.NoPrediction);
            }

            foreach (var prediction in batch.Images)
            {
                if (!dataset.Images.TryFind(prediction.Image, out var image))
                {
                    throw new InvalidDataException(
                        $"{recorded.Stream} at position {recorded.GlobalPosition}: image '{prediction.Image}' is not in data set '{dataset.DatasetId}'.");
                }

                var row = ranked.AsSpan(image * k, k);
                row.Fill(TopKPredictions.NoPrediction);
                for (var i = 0; i < Math.Min(k, prediction.Top.Count); i++)
                {
                    var label = prediction.Top[i].Label;
                    if (label < 0 || label >= dataset.ClassCount)
                    {
                        throw new InvalidDataException(
                            $"{recorded.Stream} at position {recorded.GlobalPosition}: image '{prediction.Image}' has label {label}, not a class of data set '{dataset.DatasetId}' (0..{dataset.ClassCount - 1}).");
                    }

                    row[i] = label;
                }
            }
        }

        public int[] Latest() => _byVersion[_latestVersion];
    }
}
