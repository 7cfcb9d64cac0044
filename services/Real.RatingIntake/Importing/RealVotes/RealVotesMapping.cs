using Real.Contracts;
using Real.Data.RealVotes;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Importing.RealVotes;

/// <summary>
/// The mapping of the ReaL study's archives onto Real's events (docs/intake.md, "ReaL votes"):
/// <list type="bullet">
/// <item>raters.npz → tool <c>real</c>, stream <c>ratings-real</c>, raters <c>real:{id}</c>, crowd — the 924,810 votes aggregation uses;</item>
/// <item>golden.npz → tool <c>real-golden</c>, stream <c>ratings-real-golden</c>, raters <c>real-golden:{id}</c>, expert;</item>
/// <item>raters_golden.npz → tool <c>real-raters-golden</c>, stream <c>ratings-real-raters-golden</c>, raters
/// <c>real:{id}</c> (the same people as in raters.npz, so their answers can be compared with the experts'), control:
/// a separate quality check whose answers differ from the same raters' campaign answers on 702 of the 5,675 golden
/// votes in raters.npz, so aggregating them would both add ~78 votes to each golden question and overwrite campaign
/// answers (re-ratings keep the latest).</item>
/// </list>
/// The golden campaigns have their own streams and roles, so aggregating the paper's votes reads the crowd votes of <c>ratings-real</c> alone.
/// </summary>
public static class RealVotesMapping
{
    public const string DatasetId = StreamNames.ImageNetVal;

    public const string DatasetName = "ImageNet-1k validation (ILSVRC-2012)";

    /// <summary>
    /// The archives carry no answer times; every vote is dated to the paper's publication (arXiv 2006.07159,
    /// 12 June 2020), a fixed value so that re-imports produce identical events.
    /// </summary>
    public static readonly DateTimeOffset AnsweredAt = new(2020, 6, 12, 0, 0, 0, TimeSpan.Zero);

    public static readonly RealVotesSource Raters =
        new(RealVotesArchive.RatersFile, new SubmittingTool("real", "real", RaterRole.Crowd), "raters");

    public static readonly RealVotesSource Golden =
        new(RealVotesArchive.GoldenFile, new SubmittingTool("real-golden", "real-golden", RaterRole.Expert), "golden");

    public static readonly RealVotesSource RatersGolden =
        new(RealVotesArchive.RatersGoldenFile, new SubmittingTool("real-raters-golden", "real", RaterRole.Control), "raters_golden");

    public static IReadOnlyList<RealVotesSource> All { get; } = [Raters, Golden, RatersGolden];

    public static RatingAnswer Answer(RealVoteAnswer answer) => answer switch
    {
        RealVoteAnswer.No => RatingAnswer.No,
        RealVoteAnswer.Maybe => RatingAnswer.Maybe,
        RealVoteAnswer.Yes => RatingAnswer.Yes,
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "Not a ReaL answer."),
    };
}
