using Real.Aggregation.DawidSkene;
using Real.Aggregation.Rules;
using Real.Aggregation.Tests.Simulation;

namespace Real.Aggregation.Tests.Rules;

public sealed class OneCoinRuleTests
{
    [Fact]
    public void Recovers_symmetric_raters_and_the_truth()
    {
        // Raters whose matrices really are one coin: P(yes | fits) = P(no | not) = (1 − m) p.
        RaterRows Coin(double p, double m) => new([(1 - m) * p, m, (1 - m) * (1 - p)], [(1 - m) * (1 - p), m, (1 - m) * p]);
        var raters = Enumerable.Range(0, 12).Select(r => Coin(0.7 + (0.025 * r), 0.05 + (0.01 * r))).ToArray();
        var campaign = RaterSimulator.Generate(new SimulationSpec { Seed = 17, Images = 4_000, Raters = 12, OriginalLabelFits = 0.2 }, raters);
        var input = TestDatasets.Input(campaign);
        var (rule, parameters) = RuleCatalog.Standard.Resolve("one-coin", RuleParameters.ParseAssignments(["animal-rule=off"]));

        var outcome = rule.Score(input, parameters, RuleExecution.Default);

        Assert.True(outcome.Converged);
        for (var r = 0; r < raters.Length; r++)
        {
            var estimate = outcome.Raters.Single(e => e.RaterId == TestDatasets.RaterId(r));
            var trueAccuracy = raters[r].GivenFits[2] / (raters[r].GivenFits[0] + raters[r].GivenFits[2]);
            var estimatedAccuracy = estimate.Rows.GivenFits[2] / (estimate.Rows.GivenFits[0] + estimate.Rows.GivenFits[2]);
            Assert.InRange(estimatedAccuracy, trueAccuracy - 0.03, trueAccuracy + 0.03);
        }

        // Input questions are in canonical order; map the truth the same way.
        var truth = TruthInInputOrder(campaign, input);
        var accuracy = outcome.Scores.Select((s, q) => (s >= 0.5) == truth[q]).Count(ok => ok) / (double)truth.Length;
        Assert.True(accuracy > 0.95, $"accuracy {accuracy:F4}");
    }

    [Fact]
    public void A_maybe_carries_no_evidence()
    {
        var campaign = RaterSimulator.Generate(new SimulationSpec { Seed = 19, Images = 1_000, Raters = 6 });
        var dataset = TestDatasets.Dataset(campaign.OriginalLabels, campaign.Spec.Classes, 0);
        var builder = new Inputs.AggregationInputBuilder(dataset);
        for (var q = 0; q < campaign.QuestionCount; q++)
        {
            foreach (var vote in campaign.Votes.VotesOf(q))
            {
                // Image 0 gets only maybes; everything else as simulated.
                builder.Add(campaign.QuestionImage[q], campaign.QuestionLabel[q], TestDatasets.RaterId(vote.Rater), campaign.QuestionImage[q] == 0 ? Answer.Maybe : vote.Answer);
            }
        }

        var input = builder.Build();
        var (rule, parameters) = RuleCatalog.Standard.Resolve("one-coin", new Dictionary<string, string>());
        var outcome = rule.Score(input, parameters, RuleExecution.Default);

        // The reported prior is one M-step past the final E-step; at convergence they agree to the tolerance.
        Assert.Equal(outcome.PriorFits!.Value, outcome.Scores[0], 6);
    }

    internal static bool[] TruthInInputOrder(SimulatedRatings campaign, Inputs.AggregationInput input)
    {
        var byKey = new Dictionary<(int, int), bool>();
        for (var q = 0; q < campaign.QuestionCount; q++)
        {
            byKey[(campaign.QuestionImage[q], campaign.QuestionLabel[q])] = campaign.Truth[q];
        }

        return Enumerable.Range(0, input.QuestionCount).Select(q => byKey[(input.QuestionImage[q], input.QuestionLabel[q])]).ToArray();
    }
}
