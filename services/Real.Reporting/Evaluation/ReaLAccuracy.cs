namespace Real.Reporting.Evaluation;

/// <summary>
/// ReaL accuracy exactly as timm's <c>real_labels.py</c> (and the reassessed-imagenet README) define it: an image
/// counts as correct at k when any of the model's first k predictions is in the image's label set; images whose
/// set is empty are skipped (neither numerator nor denominator).
/// </summary>
public static class ReaLAccuracy
{
    public static ReaLAccuracyResult Compute(LabelSet labelSet, TopKPredictions predictions, IReadOnlyList<int> ks)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(ks);
        EvaluationGuards.SameImages(labelSet, predictions);
        var correct = new long[ks.Count];
        var evaluated = 0;
        for (var image = 0; image < labelSet.ImageCount; image++)
        {
            if (labelSet.IsExcluded(image))
            {
                continue;
            }

            evaluated++;
            var firstHit = FirstHitRank(labelSet, image, predictions.Row(image));
            for (var j = 0; j < ks.Count; j++)
            {
                if (firstHit < ks[j])
                {
                    correct[j]++;
                }
            }
        }

        var byK = new SortedDictionary<int, double>();
        for (var j = 0; j < ks.Count; j++)
        {
            byK[ks[j]] = evaluated == 0 ? 0 : (double)correct[j] / evaluated;
        }

        return new ReaLAccuracyResult(evaluated, labelSet.ImageCount - evaluated, byK);
    }

    /// <summary>0-based rank of the first prediction in the image's set; int.MaxValue when none is.</summary>
    internal static int FirstHitRank(LabelSet labelSet, int image, ReadOnlySpan<int> row)
    {
        for (var rank = 0; rank < row.Length; rank++)
        {
            if (row[rank] != TopKPredictions.NoPrediction && labelSet.Contains(image, row[rank]))
            {
                return rank;
            }
        }

        return int.MaxValue;
    }
}
