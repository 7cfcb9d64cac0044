namespace Real.Reporting.Evaluation;

/// <summary>Per-class ReaL top-1, original top-1 and unbiased-oracle accuracies (classes = original labels).</summary>
public static class PerClassAccuracy
{
    public static IReadOnlyList<ClassAccuracy> Compute(LabelSet labelSet, IReadOnlyList<int> originalLabels, TopKPredictions predictions, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        ArgumentNullException.ThrowIfNull(originalLabels);
        ArgumentNullException.ThrowIfNull(predictions);
        EvaluationGuards.SameImages(labelSet, predictions);
        EvaluationGuards.SameImages(originalLabels, predictions);
        var images = new int[classCount];
        var evaluated = new int[classCount];
        var realCorrect = new int[classCount];
        var originalCorrect = new int[classCount];
        var originalCorrectOnEvaluated = new int[classCount];
        var oracle = new double[classCount];
        for (var image = 0; image < originalLabels.Count; image++)
        {
            var c = originalLabels[image];
            if ((uint)c >= (uint)classCount)
            {
                throw new InvalidDataException($"Original label {c} of image {image} is outside 0..{classCount - 1}.");
            }

            var top1 = predictions.Top1(image);
            var originalHit = top1 == c;
            images[c]++;
            originalCorrect[c] += originalHit ? 1 : 0;
            if (labelSet.IsExcluded(image))
            {
                continue;
            }

            evaluated[c]++;
            originalCorrectOnEvaluated[c] += originalHit ? 1 : 0;
            realCorrect[c] += top1 != TopKPredictions.NoPrediction && labelSet.Contains(image, top1) ? 1 : 0;
            oracle[c] += UnbiasedOracle.ExpectedOriginalAccuracy(labelSet, image, c);
        }

        var result = new ClassAccuracy[classCount];
        for (var c = 0; c < classCount; c++)
        {
            result[c] = new ClassAccuracy(
                c,
                images[c],
                evaluated[c],
                Ratio(realCorrect[c], evaluated[c]),
                Ratio(originalCorrect[c], images[c]),
                Ratio(originalCorrectOnEvaluated[c], evaluated[c]),
                evaluated[c] == 0 ? double.NaN : oracle[c] / evaluated[c]);
        }

        return result;
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
