using Real.Reporting.Evaluation;
using static Real.Reporting.Tests.Support.Fixtures;

namespace Real.Reporting.Tests.Evaluation;

public sealed class ReaLAccuracyTests
{
    [Fact]
    public void Top1_counts_a_prediction_in_the_set_and_skips_images_with_an_empty_set()
    {
        var labels = Labels([1], [2, 3], [], [4]);
        var predictions = Ranked(1, [1], [3], [9], [5]);

        var result = ReaLAccuracy.Compute(labels, predictions, [1]);

        Assert.Equal(3, result.EvaluatedImages);
        Assert.Equal(1, result.SkippedImages);
        Assert.Equal(2.0 / 3, result.Top(1), 12);
    }

    [Fact]
    public void Top_k_is_correct_when_any_of_the_first_k_predictions_is_in_the_set()
    {
        // Image 0: hit at rank 3 (0-based 2); image 1: hit at rank 1; image 2: no hit in the first 3, hit at rank 4.
        var labels = Labels([7], [0, 5], [8]);
        var predictions = Ranked(4, [1, 2, 7, 3], [5, 1, 2, 3], [0, 1, 2, 8]);

        var result = ReaLAccuracy.Compute(labels, predictions, [1, 2, 3, 4]);

        Assert.Equal(1.0 / 3, result.Top(1), 12);
        Assert.Equal(1.0 / 3, result.Top(2), 12);
        Assert.Equal(2.0 / 3, result.Top(3), 12);
        Assert.Equal(1.0, result.Top(4), 12);
    }

    [Fact]
    public void Missing_predictions_padded_with_minus_one_never_match()
    {
        var labels = Labels([0], [1]);
        var predictions = Ranked(2, [0, TopKPredictions.NoPrediction], [TopKPredictions.NoPrediction, TopKPredictions.NoPrediction]);

        Assert.Equal(0.5, ReaLAccuracy.Compute(labels, predictions, [2]).Top(2));
    }

    [Fact]
    public void All_images_excluded_gives_zero_evaluated_and_zero_accuracy()
    {
        var result = ReaLAccuracy.Compute(Labels([], []), Ranked(1, [0], [1]), [1]);

        Assert.Equal(0, result.EvaluatedImages);
        Assert.Equal(0, result.Top(1));
    }

    [Fact]
    public void A_different_number_of_images_is_an_error_naming_both_counts()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ReaLAccuracy.Compute(Labels([0], [1]), Ranked(1, [0]), [1]));

        Assert.Contains("1 images", ex.Message, StringComparison.Ordinal);
        Assert.Contains("covers 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_an_uncomputed_k_is_an_error()
    {
        var result = ReaLAccuracy.Compute(Labels([0]), Ranked(1, [0]), [1]);

        Assert.Throws<ArgumentOutOfRangeException>(() => result.Top(5));
    }

    /// <summary>
    /// The paper's sanity check in miniature: the original labels taken as a model. We build a label set where we know
    /// the answer: of 1,000 images, 60 are excluded, 846 sets contain the original label and 94 do not, so the
    /// original labels score 846 / 940 = 90% ReaL accuracy.
    /// </summary>
    [Fact]
    public void Original_labels_as_a_model_score_the_known_share_of_sets_that_contain_them()
    {
        var random = new Random(7);
        var original = Enumerable.Range(0, 1000).Select(_ => random.Next(100)).ToArray();
        var sets = new List<IReadOnlyList<int>>();
        for (var i = 0; i < original.Length; i++)
        {
            var other = (original[i] + 1 + random.Next(98)) % 100;
            sets.Add(i switch
            {
                < 60 => [],
                < 906 => i % 3 == 0 ? [original[i], other] : [original[i]],
                _ => [other],
            });
        }

        var labelSet = new LabelSet("synthetic", sets);
        var result = ReaLAccuracy.Compute(labelSet, TopKPredictions.FromTop1("original", original), [1, 5]);

        Assert.Equal(940, result.EvaluatedImages);
        Assert.Equal(846.0 / 940, result.Top(1), 12);
        Assert.Equal(0.9, result.Top(1), 12);
        Assert.Equal(result.Top(1), result.Top(5), 12);
    }
}
