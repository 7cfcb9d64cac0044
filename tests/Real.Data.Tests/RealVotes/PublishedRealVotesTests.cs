using Real.Data.RealVotes;
using Real.Testing;

namespace Real.Data.Tests.RealVotes;

/// <summary>The facts shared/data/real/README.md states, measured by reading the published archives (a few seconds).</summary>
public sealed class PublishedRealVotesTests
{
    [Fact]
    public void The_published_votes_have_the_documented_counts()
    {
        var archive = RealVotesArchive.Load(Path.Combine(RepositoryRoot.DataRoot, "real"));

        var raters = archive.Raters;
        Assert.Equal(85, raters.RaterIds.Count);
        Assert.Equal(184_962, raters.Questions.Count);
        Assert.Equal(24_889, raters.Questions.Images.Count);
        Assert.Equal(924_810, raters.Votes.Length);
        Assert.All(raters.Votes.CountBy(v => v.Question), pair => Assert.Equal(5, pair.Value));
        var answers = raters.Votes.CountBy(v => v.Answer).ToDictionary();
        Assert.Equal(0.789, answers[RealVoteAnswer.No] / 924_810.0, 3);
        Assert.Equal(0.085, answers[RealVoteAnswer.Maybe] / 924_810.0, 3);
        Assert.Equal(0.126, answers[RealVoteAnswer.Yes] / 924_810.0, 3);
        var perImage = raters.Questions.ImageOf.CountBy(i => i).Select(p => p.Value).ToArray();
        Assert.Equal((2, 56), (perImage.Min(), perImage.Max()));
        Assert.All(raters.Questions.Labels, l => Assert.InRange(l, 0, 999));

        Assert.Equal(5, archive.Golden.RaterIds.Count);
        Assert.Equal(1_135, archive.Golden.Questions.Count);
        Assert.Equal(155, archive.Golden.Questions.Images.Count);
        Assert.DoesNotContain(archive.Golden.Votes, v => v.Answer == RealVoteAnswer.Maybe);

        Assert.Equal(78, archive.RatersGolden.RaterIds.Count);
        Assert.Equal(1_135, archive.RatersGolden.Questions.Count);
        Assert.All(archive.RatersGolden.RaterIds, id => Assert.Contains(id, raters.RaterIds));
    }
}
