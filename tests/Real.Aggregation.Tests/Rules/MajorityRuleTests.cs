using Real.Aggregation.DawidSkene;
using Real.Aggregation.Rules;
using Real.Aggregation.Tests.Simulation;

namespace Real.Aggregation.Tests.Rules;

public sealed class MajorityRuleTests
{
    private static readonly Inputs.DatasetSnapshot Dataset = TestDatasets.Dataset([0, 1], classes: 4, animalClasses: 0);

    // Image 0, label 0: yes, yes, maybe, no, no → soft mean (1 + 1 + 0.5) / 5 = 0.5.
    // Image 0, label 2: no × 5 → 0. Image 1, label 1: yes × 4, no → 0.8.
    private static readonly Inputs.AggregationInput Input = TestDatasets.Input(
        Dataset,
        (0, 0, "a", Answer.Yes), (0, 0, "b", Answer.Yes), (0, 0, "c", Answer.Maybe), (0, 0, "d", Answer.No), (0, 0, "e", Answer.No),
        (0, 2, "a", Answer.No), (0, 2, "b", Answer.No), (0, 2, "c", Answer.No), (0, 2, "d", Answer.No), (0, 2, "e", Answer.No),
        (1, 1, "a", Answer.Yes), (1, 1, "b", Answer.Yes), (1, 1, "c", Answer.Yes), (1, 1, "d", Answer.Yes), (1, 1, "e", Answer.No));

    [Fact]
    public void Scores_are_the_soft_mean_of_the_answers()
    {
        var outcome = Run();
        Assert.Equal([0.5, 0.0, 0.8], outcome.Scores);
        Assert.Empty(outcome.Raters);
        Assert.Equal(0.5, outcome.Threshold);
    }

    [Fact]
    public void Maybe_weight_changes_what_a_maybe_counts_for()
    {
        var outcome = Run("maybe-weight=0");
        Assert.Equal(0.4, outcome.Scores[0], 12);
    }

    [Fact]
    public void The_threshold_is_inclusive()
    {
        var outcome = Run();
        var labels = Real.Aggregation.Labels.LabelDerivation.Derive(Input, outcome.Scores, outcome.Threshold);
        Assert.Equal([0], labels.Images[0].Set);
        Assert.Equal([1], labels.Images[1].Set);
    }

    private static RuleOutcome Run(params string[] assignments)
    {
        var (rule, parameters) = RuleCatalog.Standard.Resolve("majority", RuleParameters.ParseAssignments(assignments));
        return rule.Score(Input, parameters, RuleExecution.Default);
    }
}
