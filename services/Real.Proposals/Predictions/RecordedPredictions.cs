using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Proposals.Predictions;

/// <summary>
/// Reads a model's predictions: per image the latest one recorded (for one version, or for any when no version is
/// given, e.g. a model known only from imports).
/// </summary>
public sealed class RecordedPredictions(IEventReader reader, EventSerializer serializer)
{
    public async Task<IReadOnlyDictionary<string, ImagePrediction>> ReadAsync(string modelId, string? version, CancellationToken cancellationToken = default)
    {
        var latest = new Dictionary<string, ImagePrediction>(StringComparer.Ordinal);
        await foreach (var batch in reader.ReadStreamEventsAsync<PredictionsRecorded>(serializer, StreamNames.Predictions(modelId), cancellationToken))
        {
            if (version is not null && batch.ModelVersion != version)
            {
                continue;
            }

            foreach (var image in batch.Images)
            {
                latest[image.Image] = image;
            }
        }

        return latest;
    }

    /// <summary>The version of a model's latest predictions, or null when it has none (how an unregistered, imported model is pooled).</summary>
    public async Task<string?> LatestVersionAsync(string modelId, CancellationToken cancellationToken = default)
    {
        var type = serializer.Registry.NameOf(typeof(PredictionsRecorded));
        await foreach (var recorded in reader.ReadStreamAsync(StreamNames.Predictions(modelId), Direction.Backwards, long.MaxValue, cancellationToken: cancellationToken))
        {
            if (recorded.EventType == type)
            {
                return serializer.Deserialize<PredictionsRecorded>(recorded).ModelVersion;
            }
        }

        return null;
    }
}
