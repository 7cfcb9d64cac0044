namespace Real.Reporting.Evaluation;

/// <summary>ReaL top-k accuracies (fractions in [0, 1]) over <see cref="EvaluatedImages"/> images with a non-empty set.</summary>
public sealed record ReaLAccuracyResult(int EvaluatedImages, int SkippedImages, IReadOnlyDictionary<int, double> TopK)
{
    public double Top(int k) => TopK.TryGetValue(k, out var value)
        ? value
        : throw new ArgumentOutOfRangeException(nameof(k), k, $"Top-{k} was not computed (have {string.Join(", ", TopK.Keys)}).");
}
