using Real.Contracts.Events.Aggregation;

namespace Real.Aggregation.LabelSets;

/// <summary>A complete label-set version as read back from its stream.</summary>
public sealed record StoredLabelSet(
    AggregationStarted Started,
    RaterConfusionEstimated? Confusion,
    IReadOnlyList<ImageLabelSet> Images,
    AggregationCompleted Completed)
{
    public string Id => Started.LabelSetId;

    /// <summary>The threshold the set was derived with, when the rule has one.</summary>
    public double? Threshold =>
        Started.Parameters.TryGetValue("threshold", out var text) && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
