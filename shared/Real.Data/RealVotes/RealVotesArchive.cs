namespace Real.Data.RealVotes;

/// <summary>
/// The three published archives of the ReaL study (shared/data/real/README.md): raters.npz (85 crowd raters,
/// 184,962 questions), golden.npz (5 experts on 1,135 golden questions) and raters_golden.npz (78 crowd raters
/// on the same golden questions).
/// </summary>
public sealed record RealVotesArchive(RealVoteFile Raters, RealVoteFile Golden, RealVoteFile RatersGolden)
{
    public const string RatersFile = "raters.npz";
    public const string GoldenFile = "golden.npz";
    public const string RatersGoldenFile = "raters_golden.npz";

    public static RealVotesArchive Load(string directory, IProgress<RealVotesProgress>? progress = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: ReaL votes directory not found (expected {RatersFile}, {GoldenFile}, {RatersGoldenFile}).");
        }

        return new RealVotesArchive(
            RealVoteFileReader.Read(Path.Combine(directory, RatersFile), progress),
            RealVoteFileReader.Read(Path.Combine(directory, GoldenFile), progress),
            RealVoteFileReader.Read(Path.Combine(directory, RatersGoldenFile), progress));
    }
}
