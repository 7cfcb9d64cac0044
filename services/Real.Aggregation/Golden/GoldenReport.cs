namespace Real.Aggregation.Golden;

/// <summary>
/// A label set against the experts: <see cref="Questions"/> golden questions with a majority, <see cref="Ties"/>
/// left out, the label set's own operating point (<see cref="AtLabelSet"/>) and the curve over thresholds.
/// </summary>
public sealed record GoldenReport(
    string LabelSetId,
    int Questions,
    int Ties,
    int Experts,
    PrecisionRecall AtLabelSet,
    IReadOnlyList<PrecisionRecall> Curve);
