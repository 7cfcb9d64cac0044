namespace Real.Reporting.Evaluation;

/// <summary>
/// One class's accuracies, over the images whose ORIGINAL label is the class. ReaL and oracle figures count only
/// evaluated (non-empty) images; <see cref="OriginalTop1"/> counts all of the class's images (the usual metric),
/// <see cref="OriginalTop1OnEvaluated"/> the evaluated ones, so it compares like with like against the oracle.
/// </summary>
public sealed record ClassAccuracy(
    int ClassIndex,
    int Images,
    int EvaluatedImages,
    double ReaLTop1,
    double OriginalTop1,
    double OriginalTop1OnEvaluated,
    double OracleOriginalTop1)
{
    /// <summary>How far the model is above the unbiased oracle on original labels (positive: it prefers ImageNet's pick).</summary>
    public double MarginOverOracle => OriginalTop1OnEvaluated - OracleOriginalTop1;
}
