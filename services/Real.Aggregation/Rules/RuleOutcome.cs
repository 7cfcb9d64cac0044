namespace Real.Aggregation.Rules;

/// <summary>
/// What a rule computed: a score in [0, 1] per question (P(the label fits) for model-based rules), the threshold
/// at which a label enters its image's set, and — for model-based rules — the rater estimates, the prior, the
/// iterations and whether EM converged.
/// </summary>
public sealed record RuleOutcome(
    double[] Scores,
    double Threshold,
    IReadOnlyList<RaterEstimate> Raters,
    double? PriorFits,
    int Iterations,
    bool Converged,
    int VotesUsed);
