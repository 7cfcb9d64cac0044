using Real.Aggregation.DawidSkene;
using Real.Aggregation.Golden;
using Real.Aggregation.Inputs;
using Real.Aggregation.Tests.LabelSets;
using Real.Contracts.Events.Aggregation;

namespace Real.Aggregation.Tests.Golden;

public sealed class GoldenEvaluationTests
{
    // Data set a.jpg … d.jpg with original labels 0 … 3 (see LabelSetDiffTests.View).
    private static readonly Real.Aggregation.LabelSets.LabelSetView View = LabelSetDiffTests.View(
        "A",
        new ImageLabelSet("a.jpg", [new(0, 0.95), new(1, 0.85), new(2, 0.4)], [0, 1]),
        new ImageLabelSet("c.jpg", [new(2, 0.6)], []));

    private static readonly DatasetSnapshot Dataset = new("d", ["a.jpg", "b.jpg", "c.jpg", "d.jpg"], [0, 1, 2, 3], new bool[4]);

    [Fact]
    public void Counts_against_the_expert_majority_and_leaves_ties_out()
    {
        var experts = Experts(
            (0, 0, [Answer.Yes, Answer.Yes, Answer.No]), // fits; in set → TP
            (0, 1, [Answer.No, Answer.No, Answer.Yes]), // does not fit; in set → FP
            (0, 2, [Answer.Yes, Answer.Yes, Answer.Yes]), // fits; not in set → FN
            (2, 2, [Answer.No, Answer.No, Answer.No]), // does not fit; excluded image → TN
            (1, 1, [Answer.Yes, Answer.Yes]), // unrated image, original label, fits → TP
            (3, 0, [Answer.Yes, Answer.No])); // tie → left out

        var report = GoldenEvaluation.Evaluate(View, experts);

        Assert.Equal(5, report.Questions);
        Assert.Equal(1, report.Ties);
        Assert.Equal(new PrecisionRecall(0.8, 2, 1, 1, 1), report.AtLabelSet);
        Assert.Equal(2.0 / 3, report.AtLabelSet.Precision, 12);
        Assert.Equal(2.0 / 3, report.AtLabelSet.Recall, 12);
    }

    [Fact]
    public void The_curve_sweeps_thresholds_over_the_scores()
    {
        var experts = Experts(
            (0, 0, [Answer.Yes]),
            (0, 1, [Answer.No]),
            (0, 2, [Answer.Yes]),
            (2, 2, [Answer.No]));

        var curve = GoldenEvaluation.Evaluate(View, experts).Curve;

        Assert.Equal(101, curve.Count);
        Assert.Equal(new PrecisionRecall(0, 2, 2, 0, 0), curve[0]); // everything predicted
        Assert.Equal(new PrecisionRecall(0.5, 1, 2, 1, 0), curve[50]); // 0.95 and 0.85 and 0.6 ≥ 0.5
        Assert.Equal(new PrecisionRecall(0.9, 1, 0, 1, 2), curve[90]);
        Assert.Equal(1.0, curve[100].Precision); // nothing predicted
        Assert.Equal(0.0, curve[100].Recall);
    }

    private static AggregationInput Experts(params (int Image, int Label, Answer[] Answers)[] questions)
    {
        var builder = new AggregationInputBuilder(Dataset);
        foreach (var (image, label, answers) in questions)
        {
            for (var i = 0; i < answers.Length; i++)
            {
                builder.Add(image, label, $"expert:{i}", answers[i]);
            }
        }

        return builder.Build();
    }
}
