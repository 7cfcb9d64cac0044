using Real.Contracts.Events.Proposals;
using Real.Proposals.Generating.Inference;

namespace Real.Proposals.Tests.Generating;

public sealed class ScoreRankerTests
{
    [Fact]
    public void Logits_give_the_best_labels_first_with_their_softmax_probabilities()
    {
        float[] logits = [1f, 3f, 2f, 0f];

        var top = ScoreRanker.TopK(logits, ModelOutputKind.Logits, [], 3, "x");

        Assert.Equal([1, 2, 0], top.Select(t => t.Label));
        Assert.Equal([3f, 2f, 1f], top.Select(t => t.Logit!.Value));
        var z = Math.Exp(1) + Math.Exp(3) + Math.Exp(2) + Math.Exp(0);
        Assert.Equal(Math.Exp(3) / z, top[0].Probability!.Value, 6);
        Assert.Equal(Math.Exp(1) / z, top[2].Probability!.Value, 6);
    }

    [Fact]
    public void Equal_scores_rank_the_lower_output_first()
    {
        var top = ScoreRanker.TopK([5f, 7f, 7f, 5f, 7f], ModelOutputKind.Logits, [], 4, "x");

        Assert.Equal([1, 2, 4, 0], top.Select(t => t.Label));
    }

    [Fact]
    public void The_class_map_renames_outputs_and_skips_unmapped_ones()
    {
        var top = ScoreRanker.TopK([9f, 1f, 8f, 2f], ModelOutputKind.Probabilities, [-1, 100, 300, 200], 2, "x");

        Assert.Equal([300, 200], top.Select(t => t.Label));
        Assert.Equal([8f, 2f], top.Select(t => t.Probability!.Value));
        Assert.All(top, t => Assert.Null(t.Logit));
    }

    [Fact]
    public void Asking_for_more_labels_than_outputs_returns_them_all()
    {
        Assert.Equal(3, ScoreRanker.TopK([1f, 2f, 3f], ModelOutputKind.Logits, [], 10, "x").Length);
    }

    [Fact]
    public void Nan_scores_are_an_error_naming_the_image()
    {
        var error = Assert.Throws<InvalidDataException>(() => ScoreRanker.TopK([1f, float.NaN], ModelOutputKind.Logits, [], 1, "img_7.JPEG"));

        Assert.Contains("img_7.JPEG", error.Message, StringComparison.Ordinal);
    }
}
