using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Proposals;

/// <summary>
/// One model's top-k predictions for a batch of images, appended to <c>predictions-{ModelId}</c>. Labels are the
/// data set's class indices (model outputs already mapped through the registration's class map).
/// The latest prediction of an image for a model version is the one that counts.
/// </summary>
/// <param name="Source">Where the scores came from: "onnx/cpu", "onnx/cuda", "import/npy", "import/csv".</param>
/// <param name="SourceFile">The imported file's name, or null for inference run here.</param>
/// <param name="TopK">How many labels were kept per image (an image may hold fewer when the model knows fewer classes).</param>
[EventType("PredictionsRecorded")]
public sealed record PredictionsRecorded(
    string ModelId,
    string ModelVersion,
    string DatasetId,
    string Source,
    string? SourceFile,
    int TopK,
    IReadOnlyList<ImagePrediction> Images);
