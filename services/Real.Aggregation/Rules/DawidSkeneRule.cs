using Real.Aggregation.DawidSkene;
using Real.Aggregation.Inputs;

namespace Real.Aggregation.Rules;

/// <summary>
/// Dawid &amp; Skene EM with a free 2×3 confusion matrix per rater (<c>dawid-skene</c>, the paper's settings, with
/// the original-label rater for animal images) or without the animal rule (<c>dawid-skene-plain</c>).
/// </summary>
public sealed class DawidSkeneRule(bool withAnimalRule) : IAggregationRule
{
    public const string PaperName = "dawid-skene";
    public const string PlainName = "dawid-skene-plain";

    public string Name => withAnimalRule ? PaperName : PlainName;

    /// <summary>Bump when the maths changes: the model, the M-step, the initialisation, the convergence test, the engine.</summary>
    public string Version => "1";

    public string Description => withAnimalRule
        ? "Dawid & Skene EM, 2×3 confusion matrix per rater, original ImageNet label as one more rater on animal images (the paper's settings)."
        : "Dawid & Skene EM, 2×3 confusion matrix per rater, crowd votes only.";

    public IReadOnlyList<RuleParameter> Parameters { get; } = withAnimalRule
        ? [.. EmRuleParameters.Common, EmRuleParameters.AnimalNegatives]
        : EmRuleParameters.Common;

    public RuleOutcome Score(AggregationInput input, RuleParameters parameters, RuleExecution execution) =>
        EmRuleRunner.Run(input, parameters, execution, ConfusionModel.Full, withAnimalRule);
}
