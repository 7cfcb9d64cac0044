using Real.Contracts.Events.Proposals;
using Real.Proposals.Pooling;

namespace Real.Proposals.Tests.Pooling;

public sealed class CandidatePoolerTests
{
    private static readonly PoolingRule Rule = new(TopK: 3, MinModels: 2, MaxCandidates: 4, MaxLabelsPerTask: 8);

    [Fact]
    public void Keeps_labels_two_models_agree_on_adds_the_original_and_drops_the_rest()
    {
        // Original label 7. Top-3s: a = 1, 2, 3; b = 2, 1, 4; c = 5, 2, 7.
        var pooled = CandidatePooler.Pool("img", 7, [Model("a", 1, 2, 3), Model("b", 2, 1, 4), Model("c", 5, 2, 7)], Rule);

        // 2 has three votes; 1 has two (ranks 1 and 2); 7 is the original (one vote, kept anyway).
        Assert.Equal([7, 2, 1], pooled.Candidates.Select(c => c.Label));
        Assert.True(pooled.Candidates[0].IsOriginal);
        Assert.Equal([("c", 3)], pooled.Candidates[0].ProposedBy.Select(v => (v.ModelId, v.Rank)));
        Assert.Equal([("a", 2), ("b", 1), ("c", 2)], pooled.Candidates[1].ProposedBy.Select(v => (v.ModelId, v.Rank)));
        Assert.Equal([3, 4, 5], pooled.Dropped.Select(d => d.Label));
        Assert.False(pooled.KeepsOriginal);
    }

    [Fact]
    public void Scores_travel_with_each_vote()
    {
        var pooled = CandidatePooler.Pool("img", 0, [Model("a", 4, 0), Model("b", 4, 0)], Rule);

        var vote = pooled.Candidates.Single(c => c.Label == 4).ProposedBy.Single(v => v.ModelId == "a");
        Assert.Equal(new ModelVote("a", 1, 10f, 0.5f), vote);
    }

    [Fact]
    public void Only_the_top_k_of_each_model_counts()
    {
        // Label 9 is 4th for both models: outside top-3, so never a candidate nor dropped.
        var pooled = CandidatePooler.Pool("img", 0, [Model("a", 1, 2, 3, 9), Model("b", 4, 5, 6, 9)], Rule);

        Assert.DoesNotContain(pooled.Candidates.Concat(pooled.Dropped), c => c.Label == 9);
        Assert.True(pooled.KeepsOriginal);
    }

    [Fact]
    public void When_models_agree_only_on_the_original_the_image_keeps_it()
    {
        var pooled = CandidatePooler.Pool("img", 3, [Model("a", 3, 1, 2), Model("b", 3, 4, 5)], Rule);

        Assert.True(pooled.KeepsOriginal);
        Assert.Equal(3, Assert.Single(pooled.Candidates).Label);
        Assert.Equal(2, pooled.Candidates[0].ProposedBy.Count);
    }

    [Fact]
    public void The_cap_keeps_the_original_and_the_best_supported_labels()
    {
        // Cap 4 = original + 3. Supports: 1 (3 votes), 2 (3 votes, worse ranks), 3, 4, 5 (2 votes each).
        var models = new[] { Model("a", 1, 2, 3), Model("b", 1, 2, 4), Model("c", 2, 1, 5), Model("d", 3, 4, 5) };

        var pooled = CandidatePooler.Pool("img", 8, models, Rule);

        Assert.Equal([8, 1, 2], pooled.Candidates.Take(3).Select(c => c.Label));
        Assert.Equal(4, pooled.Candidates.Count);
        // Among 3, 4 and 5 (two votes each) the sum of 1/rank decides: 3 = 1/3 + 1, 4 = 1/3 + 1/2, 5 = 1/3 + 1/3 → 3.
        Assert.Equal(3, pooled.Candidates[3].Label);
        Assert.Equal([4, 5], pooled.Dropped.Select(d => d.Label));
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_models_are_given_in()
    {
        var models = new[] { Model("a", 1, 2, 3), Model("b", 3, 2, 1), Model("c", 2, 3, 5) };

        var forward = CandidatePooler.Pool("img", 0, models, Rule);
        var backward = CandidatePooler.Pool("img", 0, models.Reverse().ToArray(), Rule);

        Assert.Equal(Describe(forward), Describe(backward));
    }

    [Fact]
    public void A_label_listed_twice_by_one_model_counts_once()
    {
        var pooled = CandidatePooler.Pool("img", 0, [Model("a", 5, 5, 1), Model("b", 1, 2)], Rule with { MinModels = 2 });

        Assert.Equal([0, 1], pooled.Candidates.Select(c => c.Label));
        Assert.Equal([5, 2], pooled.Dropped.Select(d => d.Label).Order().Reverse());
    }

    private static (string ModelId, ImagePrediction Prediction) Model(string id, params int[] labels) =>
        (id, new ImagePrediction("img", [.. labels.Select((l, i) => new LabelScore(l, 10f - i, 0.5f / (i + 1)))]));

    private static string Describe(PooledImage image) =>
        string.Join(";", image.Candidates.Concat(image.Dropped).Select(c => $"{c.Label}:{string.Join(",", c.ProposedBy.Select(v => $"{v.ModelId}{v.Rank}"))}"));
}
