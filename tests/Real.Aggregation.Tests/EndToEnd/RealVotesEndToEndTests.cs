using Real.Aggregation.Inputs;
using Real.Aggregation.Labels;
using Real.Aggregation.Rules;
using Real.Data.ImageNet;
using Real.Data.RealVotes;
using Real.Testing;

namespace Real.Aggregation.Tests.EndToEnd;

/// <summary>
/// One deliberate check on the published ReaL votes (raters.npz, a few seconds): the paper's rule converges, is
/// bit-identical across thread counts, and lands where a faithful implementation must — the original labels are in
/// roughly nine in ten label sets (the paper reports ~90% ReaL accuracy for them). Bounds are wide on purpose: this
/// guards against a broken pipeline, it is not tuned to any published number.
/// </summary>
public sealed class RealVotesEndToEndTests
{
    private static readonly Lazy<AggregationInput> Input = new(() =>
    {
        var data = RepositoryRoot.DataRoot;
        var votes = RealVoteFileReader.Read(Path.Combine(data, "real", RealVotesArchive.RatersFile));
        var metadata = ImageNetMetadata.Load(Path.Combine(data, "imagenet"));
        return RealVotesInput.Build(votes, RealVotesInput.ImageNetValidationDataset(metadata));
    });

    [Fact]
    public void The_paper_rule_on_the_published_votes_converges_deterministically_to_a_plausible_label_set()
    {
        var input = Input.Value;
        Assert.Equal(924_810, input.Votes.VoteCount);
        Assert.Equal(184_962, input.QuestionCount);
        Assert.Equal(85, input.RaterIds.Count);

        var (rule, parameters) = RuleCatalog.Standard.Resolve("dawid-skene", new Dictionary<string, string>());
        var oneThread = rule.Score(input, parameters, new RuleExecution { Threads = 1 });
        var twoThreads = rule.Score(input, parameters, new RuleExecution { Threads = 2 });

        Assert.True(oneThread.Converged);
        Assert.Equal(oneThread.Scores.Select(BitConverter.DoubleToInt64Bits), twoThreads.Scores.Select(BitConverter.DoubleToInt64Bits));

        var derived = LabelDerivation.Derive(input, oneThread.Scores, oneThread.Threshold);
        var full = new FullLabelSet(input.Dataset.ImageFiles, input.Dataset.OriginalLabels, derived.Images);
        var counted = Enumerable.Range(0, full.Count).Where(i => full.LabelsOf(i).Count > 0).ToArray();
        var originalInSet = counted.Count(i => full.LabelsOf(i).Contains(input.Dataset.OriginalLabels[i])) / (double)counted.Length;

        Assert.Equal(24_889, derived.ImagesRated);
        Assert.InRange(originalInSet, 0.85, 0.95);
        Assert.InRange(derived.EmptySets, 1_000, 6_000);
    }
}
