namespace Real.Reporting.Evaluation;

internal static class EvaluationGuards
{
    public static void SameImages(LabelSet labelSet, TopKPredictions predictions)
    {
        if (labelSet.ImageCount != predictions.ImageCount)
        {
            throw new InvalidDataException(
                $"Model '{predictions.ModelId}' has predictions for {predictions.ImageCount:N0} images but label set '{labelSet.Id}' covers {labelSet.ImageCount:N0}; both must follow the same validation-file order.");
        }
    }

    public static void SameImages(IReadOnlyList<int> originalLabels, TopKPredictions predictions)
    {
        if (originalLabels.Count != predictions.ImageCount)
        {
            throw new InvalidDataException(
                $"Model '{predictions.ModelId}' has predictions for {predictions.ImageCount:N0} images but there are {originalLabels.Count:N0} original labels.");
        }
    }
}
