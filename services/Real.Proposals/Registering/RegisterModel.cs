using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Registering;

/// <summary>
/// A request to register an ONNX classifier. Input and output names may be left out when the graph has exactly one
/// of each; the version defaults to the file hash. <see cref="ClassMap"/> is empty when output i is class i.
/// </summary>
public sealed record RegisterModel
{
    public required string ModelId { get; init; }

    public required string OnnxPath { get; init; }

    public required string DatasetId { get; init; }

    public string? Version { get; init; }

    public string? InputName { get; init; }

    public string? OutputName { get; init; }

    public ModelOutputKind OutputKind { get; init; } = ModelOutputKind.Logits;

    public ImagePreprocessing Preprocessing { get; init; } = ImagePreprocessing.ImageNetDefault;

    public IReadOnlyList<int> ClassMap { get; init; } = [];
}
