namespace Real.Reporting.Evaluation;

/// <summary>
/// Everything Real reports about one model against one label set. Accuracies are fractions in [0, 1].
/// ReaL figures skip images with an empty set; <see cref="OriginalTop1"/>/<see cref="OriginalTop5"/> count every image.
/// </summary>
public sealed record ModelEvaluation
{
    public required string ModelId { get; init; }

    public required string LabelSetId { get; init; }

    public required int Images { get; init; }

    public required int EvaluatedImages { get; init; }

    /// <summary>
    /// Images the model predicted anything for. Fewer than <see cref="Images"/> (a CSV with rows for some files, stored
    /// predictions from `propose` over a folder) means the others count as wrong: say so next to the accuracies.
    /// </summary>
    public required int PredictedImages { get; init; }

    public required double ReaLTop1 { get; init; }

    public required double ReaLTop5 { get; init; }

    public required double OriginalTop1 { get; init; }

    public required double OriginalTop5 { get; init; }

    /// <summary>Original-label top-1 on the evaluated images only: the figure to compare with the oracle's.</summary>
    public required double OriginalTop1OnEvaluated { get; init; }

    /// <summary>ReaL top-1 on the evaluated images with two or more labels (NaN when there are none).</summary>
    public required double ReaLTop1MultiLabel { get; init; }

    /// <summary>The unbiased oracle's expected original-label accuracy on the evaluated images.</summary>
    public required double OracleOriginalTop1 { get; init; }

    /// <summary>How many predictions per image the model supplied (top-5 with K &lt; 5 uses what there is).</summary>
    public required int PredictionsPerImage { get; init; }

    public required IReadOnlyList<ClassAccuracy> PerClass { get; init; }

    public double MarginOverOracle => OriginalTop1OnEvaluated - OracleOriginalTop1;
}
