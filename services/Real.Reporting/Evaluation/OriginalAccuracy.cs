namespace Real.Reporting.Evaluation;

/// <summary>
/// Accuracy against the original single ImageNet labels: correct at k when the original label is among the first k
/// predictions. Every image counts (the original labels exclude none), as in the usual ImageNet top-1/top-5.
/// </summary>
public static class OriginalAccuracy
{
    public static IReadOnlyDictionary<int, double> Compute(IReadOnlyList<int> originalLabels, TopKPredictions predictions, IReadOnlyList<int> ks)
    {
        ArgumentNullException.ThrowIfNull(originalLabels);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(ks);
        EvaluationGuards.SameImages(originalLabels, predictions);
        var correct = new long[ks.Count];
        for (var image = 0; image < originalLabels.Count; image++)
        {
            var rank = predictions.Row(image).IndexOf(originalLabels[image]);
            for (var j = 0; j < ks.Count; j++)
            {
                if (rank >= 0 && rank < ks[j])
                {
                    correct[j]++;
                }
            }
        }

        var byK = new SortedDictionary<int, double>();
        for (var j = 0; j < ks.Count; j++)
        {
            byK[ks[j]] = originalLabels.Count == 0 ? 0 : (double)correct[j] / originalLabels.Count;
        }

        return byK;
    }
}
