using Real.Reporting.Evaluation;
using static Real.Reporting.Tests.Support.Fixtures;

namespace Real.Reporting.Tests.Evaluation;

public sealed class OriginalAndPerClassAccuracyTests
{
    [Fact]
    public void Original_accuracy_counts_every_image_including_those_excluded_from_ReaL()
    {
        var original = new[] { 0, 1, 2, 3 };
        var predictions = Ranked(2, [0, 9], [9, 1], [2, 9], [9, 9]);

        var accuracy = OriginalAccuracy.Compute(original, predictions, [1, 2]);

        Assert.Equal(0.5, accuracy[1]);
        Assert.Equal(0.75, accuracy[2]);
    }

    [Fact]
    public void Per_class_figures_group_images_by_original_label_and_compare_with_the_oracle()
    {
        // Class 0: images 0 (set {0,1}), 1 (set {0}), 2 (excluded). Class 1: image 3 (set {2}).
        var labels = Labels([0, 1], [0], [], [2]);
        var original = new[] { 0, 0, 0, 1 };
        var predictions = Ranked(1, [1], [0], [0], [1]);

        var perClass = PerClassAccuracy.Compute(labels, original, predictions, classCount: 3);

        var c0 = perClass[0];
        Assert.Equal(3, c0.Images);
        Assert.Equal(2, c0.EvaluatedImages);
        Assert.Equal(1.0, c0.ReaLTop1);                   // image 0 predicts 1 ∈ {0,1}; image 1 predicts 0 ∈ {0}
        Assert.Equal(2.0 / 3, c0.OriginalTop1, 12);        // images 1 and 2 predict 0
        Assert.Equal(0.5, c0.OriginalTop1OnEvaluated);     // of images 0 and 1, only 1
        Assert.Equal((0.5 + 1.0) / 2, c0.OracleOriginalTop1, 12);
        Assert.Equal(0.5 - 0.75, c0.MarginOverOracle, 12);

        var c1 = perClass[1];
        Assert.Equal(0.0, c1.ReaLTop1);
        Assert.Equal(0.0, c1.OracleOriginalTop1);          // the original label 1 is not in {2}

        Assert.Equal(0, perClass[2].Images);
        Assert.True(double.IsNaN(perClass[2].ReaLTop1));
    }

    [Fact]
    public void The_oracle_picks_uniformly_among_valid_labels()
    {
        var labels = Labels([3, 4, 5, 6], [1], [2], []);
        var original = new[] { 4, 1, 9, 0 };

        Assert.Equal(0.25, UnbiasedOracle.ExpectedOriginalAccuracy(labels, 0, 4));
        Assert.Equal(1.0, UnbiasedOracle.ExpectedOriginalAccuracy(labels, 1, 1));
        Assert.Equal(0.0, UnbiasedOracle.ExpectedOriginalAccuracy(labels, 2, 9));
        Assert.True(double.IsNaN(UnbiasedOracle.ExpectedOriginalAccuracy(labels, 3, 0)));
        Assert.Equal((0.25 + 1 + 0) / 3, UnbiasedOracle.ExpectedOriginalAccuracy(labels, original), 12);
    }

    [Fact]
    public void Model_evaluation_puts_the_figures_together()
    {
        var labels = Labels([0, 1], [1], [], [2, 3]);
        var original = new[] { 0, 1, 2, 3 };
        var predictions = Ranked(5, [1, 0, 4, 5, 6], [1, 2, 3, 4, 5], [2, 0, 1, 3, 4], [0, 1, 4, 5, 3]);

        var evaluation = ModelEvaluator.Evaluate(labels, original, predictions, classCount: 7);

        Assert.Equal(3, evaluation.EvaluatedImages);
        Assert.Equal(2.0 / 3, evaluation.ReaLTop1, 12);     // images 0 and 1
        Assert.Equal(1.0, evaluation.ReaLTop5, 12);         // image 3: 3 at rank 5
        Assert.Equal(0.5, evaluation.OriginalTop1);         // images 1 and 2
        Assert.Equal(1.0, evaluation.OriginalTop5);
        Assert.Equal(1.0 / 3, evaluation.OriginalTop1OnEvaluated, 12);
        Assert.Equal(0.5, evaluation.ReaLTop1MultiLabel);   // images 0 (hit) and 3 (miss)
        Assert.Equal((0.5 + 1 + 0.5) / 3, evaluation.OracleOriginalTop1, 12);
        Assert.Equal((1.0 / 3) - (2.0 / 3), evaluation.MarginOverOracle, 12);
        Assert.Equal(7, evaluation.PerClass.Count);
    }

    [Fact]
    public void Images_without_any_prediction_are_counted_apart_and_score_as_wrong()
    {
        var labels = Labels([0], [1], [2]);
        var predictions = Ranked(2, [0, 1], [-1, -1], [-1, -1]);

        var evaluation = ModelEvaluator.Evaluate(labels, [0, 1, 2], predictions, classCount: 3);

        Assert.Equal(1, evaluation.PredictedImages);
        Assert.Equal(3, evaluation.Images);
        Assert.Equal(1.0 / 3, evaluation.ReaLTop1, 12);
    }

    [Fact]
    public void Label_set_statistics_count_multi_label_share_over_evaluated_images()
    {
        var statistics = Labels([1], [1, 2], [], [3, 4, 5], [2, 2]).Statistics;

        Assert.Equal(5, statistics.Images);
        Assert.Equal(4, statistics.EvaluatedImages);
        Assert.Equal(1, statistics.ExcludedImages);
        Assert.Equal(2, statistics.MultiLabelImages);       // duplicates collapse: [2, 2] is one label
        Assert.Equal(0.5, statistics.MultiLabelShare);
        Assert.Equal(7.0 / 4, statistics.MeanLabelsPerImage);
    }
}
