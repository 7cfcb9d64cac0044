using Real.Aggregation.DawidSkene;
using Real.Aggregation.Labels;
using Real.Aggregation.Tests.Simulation;

namespace Real.Aggregation.Tests.Labels;

public sealed class LabelDerivationTests
{
    private static readonly Inputs.DatasetSnapshot Dataset = TestDatasets.Dataset([3, 1, 2], classes: 5, animalClasses: 0);

    // Image 0: labels 1, 3, 4 rated; image 2: label 0 rated; image 1 never rated.
    private static readonly Inputs.AggregationInput Input = TestDatasets.Input(
        Dataset,
        (0, 4, "a", Answer.Yes), (0, 1, "a", Answer.No), (0, 3, "a", Answer.Yes), (2, 0, "a", Answer.No));

    [Fact]
    public void Sets_hold_the_candidates_scoring_at_least_the_threshold()
    {
        var derived = LabelDerivation.Derive(Input, [0.1, 0.8, 0.95, 0.79], threshold: 0.8);

        Assert.Equal(2, derived.ImagesRated);
        var first = derived.Images[0];
        Assert.Equal(0, first.Image);
        Assert.Equal([1, 3, 4], first.Candidates);
        Assert.Equal([0.1, 0.8, 0.95], first.Scores);
        Assert.Equal([3, 4], first.Set);
        Assert.True(derived.Images[1].IsExcluded);
        Assert.Equal(1, derived.EmptySets);
        Assert.Equal(1, derived.MultiLabelImages);
        Assert.Equal(0.5, derived.MultiLabelShare);
        Assert.Equal(4, derived.QuestionsScored);
    }

    [Fact]
    public void Unrated_images_keep_their_original_label_and_empty_sets_stay_empty()
    {
        var derived = LabelDerivation.Derive(Input, [0.1, 0.8, 0.95, 0.79], threshold: 0.8);
        var full = new FullLabelSet(Dataset.ImageFiles, Dataset.OriginalLabels, derived.Images);

        Assert.Equal([3, 4], full.LabelsOf(0));
        Assert.Equal([1], full.LabelsOf(1));
        Assert.False(full.IsRated(1));
        Assert.Empty(full.LabelsOf(2));
        Assert.True(full.IsRated(2));
    }

    [Fact]
    public void Rejects_a_score_count_that_does_not_match()
    {
        Assert.Throws<ArgumentException>(() => LabelDerivation.Derive(Input, [0.5], threshold: 0.8));
    }
}
