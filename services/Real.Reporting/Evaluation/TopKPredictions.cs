namespace Real.Reporting.Evaluation;

/// <summary>
/// A model's ranked predictions: for each image (validation-file order) its best <see cref="K"/> class indices, best
/// first. Rows may hold fewer than K predictions (a CSV with fewer rows for a file); the gap is filled with -1,
/// which never matches a label.
/// </summary>
public sealed class TopKPredictions
{
    public const int NoPrediction = -1;

    private readonly int[] _ranked;

    public TopKPredictions(string modelId, int k, int[] ranked)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentNullException.ThrowIfNull(ranked);
        if (ranked.Length % k != 0)
        {
            throw new ArgumentException($"{ranked.Length} ranked predictions are not a whole number of rows of {k}.", nameof(ranked));
        }

        ModelId = modelId;
        K = k;
        _ranked = ranked;
    }

    public string ModelId { get; }

    public int K { get; }

    public int ImageCount => _ranked.Length / K;

    /// <summary>The image's predictions, best first (padded with <see cref="NoPrediction"/>).</summary>
    public ReadOnlySpan<int> Row(int image) => _ranked.AsSpan(image * K, K);

    public int Top1(int image) => _ranked[image * K];

    /// <summary>Predictions that are exactly the given labels, one per image (e.g. the original labels "as a model").</summary>
    public static TopKPredictions FromTop1(string modelId, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new TopKPredictions(modelId, 1, [.. labels]);
    }
}
