namespace Real.Reporting.Evaluate;

/// <summary>
/// Evaluate predictions against a label set. <see cref="Predictions"/> is a .npy/.csv file, a folder of them,
/// "model:ID" or "stored" (predictions recorded in the store, see StoredPredictions), or "original" (the original
/// validation labels taken as a model's top-1). <see cref="LabelSet"/> is an id,
/// "latest" or a real.json file.
/// </summary>
public sealed record EvaluatePredictions(string Predictions, string LabelSet)
{
    public const string OriginalLabels = "original";

    public const string OriginalLabelsModelId = "original-labels";
}
