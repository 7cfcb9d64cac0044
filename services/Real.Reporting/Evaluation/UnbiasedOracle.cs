namespace Real.Reporting.Evaluation;

/// <summary>
/// The paper's "unbiased oracle": a model that, for each image, picks one of the image's valid (ReaL) labels
/// uniformly at random. Its ReaL accuracy is 1 by construction; what it measures is how often an unbiased labeller
/// would agree with the ORIGINAL label: E[correct on original] = [original ∈ set] / |set| per image. A model whose
/// original-label accuracy beats the oracle's on the same images has learned the original labelling's preferences
/// (which of several valid labels ImageNet happened to pick), not just what is in the image.
/// </summary>
public static class UnbiasedOracle
{
    /// <summary>Expected original-label accuracy of the oracle on one image; NaN for an excluded (empty) image.</summary>
    public static double ExpectedOriginalAccuracy(LabelSet labelSet, int image, int originalLabel)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        var labels = labelSet.LabelsOf(image);
        if (labels.Length == 0)
        {
            return double.NaN;
        }

        return labelSet.Contains(image, originalLabel) ? 1.0 / labels.Length : 0.0;
    }

    /// <summary>The oracle's expected original-label accuracy over every evaluated (non-empty) image.</summary>
    public static double ExpectedOriginalAccuracy(LabelSet labelSet, IReadOnlyList<int> originalLabels)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        ArgumentNullException.ThrowIfNull(originalLabels);
        double sum = 0;
        var evaluated = 0;
        for (var image = 0; image < labelSet.ImageCount; image++)
        {
            if (labelSet.IsExcluded(image))
            {
                continue;
            }

            evaluated++;
            sum += ExpectedOriginalAccuracy(labelSet, image, originalLabels[image]);
        }

        return evaluated == 0 ? 0 : sum / evaluated;
    }
}
