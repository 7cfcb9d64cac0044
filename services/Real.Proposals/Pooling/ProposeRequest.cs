using Real.Contracts.Events.Proposals;
using Real.Proposals.Generating.Inference;

namespace Real.Proposals.Pooling;

/// <summary>
/// One proposal run: pool <see cref="ModelIds"/>' predictions for the data set's images under <see cref="Rule"/>.
/// With <see cref="ImagesDirectory"/>, registered ONNX models first predict the folder's images they have not
/// predicted yet, and only that folder's images are pooled; without it, every image some model has a prediction
/// for is pooled (e.g. after imports).
/// </summary>
public sealed record ProposeRequest
{
    public required string DatasetId { get; init; }

    public required IReadOnlyList<string> ModelIds { get; init; }

    public string? ImagesDirectory { get; init; }

    public PoolingRule Rule { get; init; } = PoolingRule.Default;

    public InferenceOptions Inference { get; init; } = new();

    /// <summary>Carried into the events' metadata: the command or message that asked for the run.</summary>
    public string? CorrelationId { get; init; }
}
