namespace Real.Aggregation.Rules;

/// <summary>Parameters shared by the EM-based rules, with the paper's settings as defaults.</summary>
internal static class EmRuleParameters
{
    public static readonly RuleParameter Threshold =
        RuleParameter.Number("threshold", 0.8, 0, 1, "A label enters its image's set when its score is at least this.");

    public static readonly RuleParameter[] Common =
    [
        Threshold,
        RuleParameter.Number("tolerance", 1e-6, 0, 1, "Converged when one more EM step changes no score by this much or more.", exclusive: true),
        RuleParameter.Integer("max-iterations", 10_000, 1, 1_000_000, "Most EM iterations."),
        RuleParameter.Number("smoothing", 0, 0, 1_000, "Dirichlet pseudo-count added to every confusion cell (0 = maximum likelihood)."),
        RuleParameter.EstimateOrProbability("prior", "The prior P(fits) shared by every question: estimated by EM, or fixed."),
        RuleParameter.Choice("acceleration", "squarem", "EM acceleration; same fixed point either way.", "squarem", "none"),
    ];

    public static readonly RuleParameter AnimalNegatives = RuleParameter.Choice(
        "animal-negatives",
        "all-candidates",
        "Where the original-label rater of an animal image says no: every other candidate, or only other animal candidates.",
        "all-candidates",
        "animal-candidates");
}
