using Real.Aggregation.Inputs;

namespace Real.Aggregation.Rules;

/// <summary>
/// A way to turn votes into scores and label sets, chosen by name. <see cref="Version"/> changes whenever the rule's
/// maths changes (including the shared engine it runs on), so two label sets with the same rule, version,
/// parameters and input are the same label set.
/// </summary>
public interface IAggregationRule
{
    string Name { get; }

    string Version { get; }

    string Description { get; }

    IReadOnlyList<RuleParameter> Parameters { get; }

    /// <summary>Scores every question of <paramref name="input"/>.</summary>
    RuleOutcome Score(AggregationInput input, RuleParameters parameters, RuleExecution execution);
}
