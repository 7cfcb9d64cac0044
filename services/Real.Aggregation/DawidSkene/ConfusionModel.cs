namespace Real.Aggregation.DawidSkene;

/// <summary>How much freedom each rater's confusion matrix has.</summary>
public enum ConfusionModel
{
    /// <summary>Dawid &amp; Skene: a free 2×3 matrix per rater, P(answer | fits) and P(answer | does not fit).</summary>
    Full,

    /// <summary>
    /// One coin per rater: one accuracy p on decisive answers, the same whatever the truth (P(yes | fits) and
    /// P(no | does not fit) both ∝ p), and a "maybe" rate m that does not depend on the truth, so "maybe" carries no evidence.
    /// </summary>
    OneCoin,
}
