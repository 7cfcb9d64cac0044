using Real.Aggregation.DawidSkene;
using Real.Aggregation.Rules;
using Real.Aggregation.Tests.Simulation;

namespace Real.Aggregation.Tests.Rules;

/// <summary>The paper's rule and its plain variant: the original-label rater on animal images, and what it changes.</summary>
public sealed class DawidSkeneRuleTests
{
    // Noisy crowd (three votes per question), original labels right 90% of the time; classes 0..39 are animals.
    private static readonly SimulatedRatings Campaign = RaterSimulator.Generate(new SimulationSpec
    {
        Seed = 23,
        Images = 4_000,
        VotesPerQuestion = 3,
        Classes = 100,
        AnimalClasses = 40,
        OriginalLabelFits = 0.9,
    });

    private static readonly Inputs.AggregationInput Input = TestDatasets.Input(Campaign);

    [Fact]
    public void The_original_label_votes_yes_on_itself_and_no_on_the_other_candidates_of_animal_images_only()
    {
        var answers = OriginalLabelRater.Answers(Input, AnimalNegatives.AllCandidates);
        for (var q = 0; q < Input.QuestionCount; q++)
        {
            var original = Input.Dataset.OriginalLabels[Input.QuestionImage[q]];
            Answer? expected = original >= 40 ? null : Input.QuestionLabel[q] == original ? Answer.Yes : Answer.No;
            Assert.Equal(expected, answers[q]);
        }
    }

    [Fact]
    public void With_animal_negatives_only_animal_candidates_get_a_no()
    {
        var answers = OriginalLabelRater.Answers(Input, AnimalNegatives.AnimalCandidates);
        for (var q = 0; q < Input.QuestionCount; q++)
        {
            var original = Input.Dataset.OriginalLabels[Input.QuestionImage[q]];
            var label = Input.QuestionLabel[q];
            Answer? expected = original >= 40 ? null : label == original ? Answer.Yes : label < 40 ? Answer.No : null;
            Assert.Equal(expected, answers[q]);
        }
    }

    [Fact]
    public void The_paper_rule_adds_one_rater_and_reports_its_matrix()
    {
        var paper = Run("dawid-skene");
        var plain = Run("dawid-skene-plain");
        var extraVotes = OriginalLabelRater.Answers(Input, AnimalNegatives.AllCandidates).Count(a => a is not null);

        Assert.Equal(Input.Votes.VoteCount + extraVotes, paper.VotesUsed);
        Assert.Equal(Input.Votes.VoteCount, plain.VotesUsed);
        var original = Assert.Single(paper.Raters, r => r.RaterId == OriginalLabelRater.RaterId);
        Assert.Equal(extraVotes, original.Votes);
        Assert.DoesNotContain(plain.Raters, r => r.RaterId == OriginalLabelRater.RaterId);

        // It never answers maybe, and its "yes" is strong evidence: the original label is right 90% of the time.
        Assert.True(original.Rows.GivenFits[1] < 1e-9 && original.Rows.GivenNotFits[1] < 1e-9);
        Assert.True(original.Rows.GivenFits[2] / original.Rows.GivenNotFits[2] > 5);
    }

    [Fact]
    public void On_animal_images_the_paper_rule_recovers_the_truth_better()
    {
        var truth = OneCoinRuleTests.TruthInInputOrder(Campaign, Input);
        var paper = Run("dawid-skene");
        var plain = Run("dawid-skene-plain");
        var animalQuestions = Enumerable.Range(0, Input.QuestionCount).Where(q => Input.Dataset.OriginalLabels[Input.QuestionImage[q]] < 40).ToArray();

        double Accuracy(RuleOutcome outcome) => animalQuestions.Count(q => (outcome.Scores[q] >= 0.5) == truth[q]) / (double)animalQuestions.Length;
        Assert.True(Accuracy(paper) > Accuracy(plain), $"paper {Accuracy(paper):F4} vs plain {Accuracy(plain):F4}");
    }

    [Fact]
    public void On_images_without_votes_from_the_original_label_the_rules_differ_only_through_shared_estimates()
    {
        var paper = Run("dawid-skene");
        var plain = Run("dawid-skene-plain");
        var other = Enumerable.Range(0, Input.QuestionCount).Where(q => Input.Dataset.OriginalLabels[Input.QuestionImage[q]] >= 40).ToArray();
        var meanGap = other.Average(q => Math.Abs(paper.Scores[q] - plain.Scores[q]));
        Assert.True(meanGap < 0.02, $"mean gap on non-animal images {meanGap:F4}");
    }

    [Fact]
    public void A_re_rating_counts_with_its_latest_answer_only()
    {
        var dataset = TestDatasets.Dataset([0], classes: 2, animalClasses: 0);
        var builder = new Inputs.AggregationInputBuilder(dataset);
        builder.Add(0, 1, "a", Answer.Yes, order: 1);
        builder.Add(0, 1, "b", Answer.Yes, order: 1);
        builder.Add(0, 1, "a", Answer.No, order: 2); // rater a changed their mind
        var input = builder.Build();

        Assert.Equal(2, input.Votes.VoteCount);
        Assert.Equal(Answer.No, input.Votes.AnswerOf(0, 0));
        var (rule, parameters) = RuleCatalog.Standard.Resolve("majority", new Dictionary<string, string>());
        Assert.Equal(0.5, rule.Score(input, parameters, RuleExecution.Default).Scores[0]);
    }

    private static RuleOutcome Run(string rule)
    {
        var (resolved, parameters) = RuleCatalog.Standard.Resolve(rule, new Dictionary<string, string>());
        return resolved.Score(Input, parameters, RuleExecution.Default);
    }
}
