using Real.Reporting.Evaluation.LabelSets;

namespace Real.Reporting.Audit;

/// <summary>
/// The answer to `real explain FILE [LABEL]`: the image, the label set and rule that judged it, each label's
/// derivation, and every event used with its position and hash (<see cref="Events"/>, in log order).
/// </summary>
public sealed record ImageExplanation(
    string Image,
    int ImageIndex,
    int OriginalLabel,
    string OriginalClass,
    LabelSetDescription? LabelSet,
    double? PriorFits,
    IReadOnlyList<int> LabelsInSet,
    IReadOnlyList<LabelExplanation> Labels,
    IReadOnlyList<EventReference> Events);
