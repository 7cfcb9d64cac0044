using Real.Reporting.Evaluation;

namespace Real.Reporting.Tests.Support;

/// <summary>Small hand-made data sets for evaluation tests.</summary>
internal static class Fixtures
{
    public static LabelSet Labels(params int[][] perImage) => new("test", perImage.Select(l => (IReadOnlyList<int>)l).ToList());

    public static TopKPredictions Ranked(int k, params int[][] rows) => new("model", k, [.. rows.SelectMany(r => r)]);

    /// <summary>A tiny data set: images ILSVRC2012_val_00000001.JPEG … with the given original labels.</summary>
    public static EvaluationDataset Dataset(int classCount, params int[] originalLabels) =>
        new("test-val", ImageIndex.ImageNetValidation(originalLabels.Length), originalLabels, [.. Enumerable.Range(0, classCount).Select(c => $"class{c}")]);
}
