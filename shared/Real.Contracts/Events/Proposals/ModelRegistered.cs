using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Proposals;

/// <summary>
/// An ONNX classifier proposals may be generated with, appended to <c>model-{ModelId}</c>. Registering the same id
/// again with another file or other settings appends a new version; the stream's last event is the current one.
/// <see cref="OnnxSha256"/> pins the exact file: inference refuses a file whose content no longer matches.
/// </summary>
/// <param name="ModelId">Stable name, e.g. "resnet50-tv1"; lowercase letters, digits, '.', '_' and '-' (it is a stream-name suffix).</param>
/// <param name="Version">Version label: given at registration, else "sha256:" and the file hash's first 12 hex digits.</param>
/// <param name="DatasetId">The data set whose classes <see cref="ClassMap"/> maps the outputs to.</param>
/// <param name="OnnxPath">Absolute path of the ONNX file when it was registered.</param>
/// <param name="OnnxSha256">Lowercase hex SHA-256 of the ONNX file.</param>
/// <param name="InputName">Name of the graph input the image tensor is fed to.</param>
/// <param name="InputShape">The input's shape as declared by the graph, -1 for a dynamic dimension (usually the batch).</param>
/// <param name="OutputName">Name of the graph output holding the class scores.</param>
/// <param name="OutputCount">Number of classes the model outputs.</param>
/// <param name="OutputKind">Whether the output is logits (softmax applied here) or probabilities (taken as they are).</param>
/// <param name="ClassMap">For each model output, the data set class index it means, or -1 for an output with no counterpart.
/// Empty when outputs and data set classes coincide (output i = class i).</param>
[EventType("ModelRegistered")]
public sealed record ModelRegistered(
    string ModelId,
    string Version,
    string DatasetId,
    string OnnxPath,
    string OnnxSha256,
    string InputName,
    IReadOnlyList<long> InputShape,
    string OutputName,
    int OutputCount,
    ModelOutputKind OutputKind,
    ImagePreprocessing Preprocessing,
    IReadOnlyList<int> ClassMap,
    DateTimeOffset RegisteredAt);
