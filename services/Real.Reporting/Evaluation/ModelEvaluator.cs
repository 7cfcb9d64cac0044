namespace Real.Reporting.Evaluation;

/// <summary>Evaluates a model's ranked predictions against a label set and the original labels.</summary>
public static class ModelEvaluator
{
    private static readonly int[] Ks = [1, 5];

    public static ModelEvaluation Evaluate(LabelSet labelSet, IReadOnlyList<int> originalLabels, TopKPredictions predictions, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        ArgumentNullException.ThrowIfNull(originalLabels);
        ArgumentNullException.ThrowIfNull(predictions);
        var real = ReaLAccuracy.Compute(labelSet, predictions, Ks);
        var original = OriginalAccuracy.Compute(originalLabels, predictions, Ks);
        var perClass = PerClassAccuracy.Compute(labelSet, originalLabels, predictions, classCount);
        var (multiCorrect, multiImages, originalOnEvaluated) = MultiLabelAndOriginalOnEvaluated(labelSet, originalLabels, predictions);
        return new ModelEvaluation
        {
            ModelId = predictions.ModelId,
            LabelSetId = labelSet.Id,
            Images = labelSet.ImageCount,
            EvaluatedImages = real.EvaluatedImages,
            PredictedImages = PredictedImages(predictions),
            ReaLTop1 = real.Top(1),
            ReaLTop5 = real.Top(5),
            OriginalTop1 = original[1],
            OriginalTop5 = original[5],
            OriginalTop1OnEvaluated = real.EvaluatedImages == 0 ? 0 : (double)originalOnEvaluated / real.EvaluatedImages,
            ReaLTop1MultiLabel = multiImages == 0 ? double.NaN : (double)multiCorrect / multiImages,
            OracleOriginalTop1 = UnbiasedOracle.ExpectedOriginalAccuracy(labelSet, originalLabels),
            PredictionsPerImage = predictions.K,
            PerClass = perClass,
        };
    }

    private static int PredictedImages(TopKPredictions predictions)
    {
        var predicted = 0;
        for (var image = 0; image < predictions.ImageCount; image++)
        {
            predicted += predictions.Top1(image) == TopKPredictions.NoPrediction ? 0 : 1;
        }

        return predicted;
    }

    private static (int MultiCorrect, int MultiImages, int OriginalOnEvaluated) MultiLabelAndOriginalOnEvaluated(
        LabelSet labelSet, IReadOnlyList<int> originalLabels, TopKPredictions predictions)
    {
        int multiCorrect = 0, multiImages = 0, originalOnEvaluated = 0;
        for (var image = 0; image < labelSet.ImageCount; image++)
        {
            var size = labelSet.LabelsOf(image).Length;
            if (size == 0)
            {
                continue;
            }

            var top1 = predictions.Top1(image);
            originalOnEvaluated += top1 == originalLabels[image] ? 1 : 0;
            if (size > 1)
            {
                multiImages++;
                multiCorrect += top1 != TopKPredictions.NoPrediction && labelSet.Contains(image, top1) ? 1 : 0;
            }
        }

        return (multiCorrect, multiImages, originalOnEvaluated);
    }
}
