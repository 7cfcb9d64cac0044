using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Importing;

/// <summary>
/// Import predictions made elsewhere for <see cref="ModelId"/>: a <c>.npy</c> of scores (N × outputs, float32/16/64,
/// rows in validation-file order, or in <see cref="ImageListFile"/>'s order) or a <c>.csv</c> of top-k rows
/// (<c>file,label,score</c>, best first). A registered model's version, class map and output kind apply unless
/// overridden; an unregistered model is imported as version "imported" with outputs = the data set's classes.
/// </summary>
public sealed record ImportPredictions
{
    public required string ModelId { get; init; }

    public required string File { get; init; }

    public required string DatasetId { get; init; }

    public string? Version { get; init; }

    /// <summary>What the scores are; default: the registered model's output kind, else logits for .npy and probabilities for .csv.</summary>
    public ModelOutputKind? ScoreKind { get; init; }

    /// <summary>For .npy: a text file naming each row's image, one per line; without it the rows must be every data set image in order.</summary>
    public string? ImageListFile { get; init; }

    public int TopK { get; init; } = 10;
}
