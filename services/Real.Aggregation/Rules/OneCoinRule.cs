using Real.Aggregation.DawidSkene;
using Real.Aggregation.Inputs;

namespace Real.Aggregation.Rules;

/// <summary>
/// One-coin Dawid &amp; Skene: one accuracy per rater on decisive answers plus a truth-independent "maybe" rate.
/// The animal rule is on by default and can be switched off with <c>animal-rule=off</c>.
/// </summary>
public sealed class OneCoinRule : IAggregationRule
{
    public const string RuleName = "one-coin";

    public string Name => RuleName;

    public string Version => "1";

    public string Description => "One-coin EM: one accuracy per rater (maybe carries no evidence); original-label rater on animal images unless animal-rule=off.";

    public IReadOnlyList<RuleParameter> Parameters { get; } =
    [
        .. EmRuleParameters.Common,
        EmRuleParameters.AnimalNegatives,
        RuleParameter.Choice("animal-rule", "on", "Whether the original ImageNet label votes as one more rater on animal images.", "on", "off"),
    ];

    public RuleOutcome Score(AggregationInput input, RuleParameters parameters, RuleExecution execution) =>
        EmRuleRunner.Run(input, parameters, execution, ConfusionModel.OneCoin, parameters.Text("animal-rule") == "on");
}
