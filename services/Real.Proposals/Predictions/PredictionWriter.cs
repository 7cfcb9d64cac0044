using System.Security.Cryptography;
using System.Text;
using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Proposals.Predictions;

/// <summary>
/// Appends <see cref="PredictionsRecorded"/> to <c>predictions-{model}</c> in batches of <see cref="ImagesPerEvent"/>
/// images. Each event's id derives from a key the caller gives (what produced it) and the batch's image names, so a
/// repeated import or a redelivered message appends nothing twice.
/// </summary>
public sealed class PredictionWriter(IEventWriter writer, EventSerializer serializer)
{
    /// <summary>About 25 kB of JSON per event at top-10: small enough to read fast, few enough events for 50,000 images.</summary>
    public const int ImagesPerEvent = 250;

    /// <param name="idKey">What makes these predictions distinct: e.g. "onnx" or "import/{file sha256}".</param>
    /// <returns>The number of events appended (repeats count 0).</returns>
    public async Task<int> AppendAsync(
        ModelRef model, string datasetId, string source, string? sourceFile, int topK, IReadOnlyList<ImagePrediction> images, string idKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        var appended = 0;
        var stream = StreamNames.Predictions(model.ModelId);
        for (var start = 0; start < images.Count; start += ImagesPerEvent)
        {
            var chunk = images.Skip(start).Take(ImagesPerEvent).ToArray();
            var eventId = DeterministicGuid.Create($"predictions/{model.ModelId}/{model.Version}/{idKey}/{NamesHash(chunk)}");
            var recorded = new PredictionsRecorded(model.ModelId, model.Version, datasetId, source, sourceFile, topK, chunk);
            var metadata = new EventMetadata { SourceMessageId = eventId.ToString(), ProducingService = "proposals" };
            var result = await writer.AppendToStreamAsync(stream, ExpectedRevision.Any, [serializer.ToEventData(eventId, recorded, metadata)], cancellationToken);
            appended += result.AppendedCount;
        }

        return appended;
    }

    private static string NamesHash(IEnumerable<ImagePrediction> images)
    {
        var names = string.Join('\n', images.Select(i => i.Image));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(names)))[..32];
    }
}
