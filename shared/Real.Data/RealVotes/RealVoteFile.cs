namespace Real.Data.RealVotes;

/// <summary>
/// One ReaL vote archive (raters.npz, golden.npz or raters_golden.npz) in compact form: its raters' ids, its
/// questions and the answers actually given (all-zero tensor entries, "not asked", are dropped).
/// Votes are in tensor order: by rater, then by question.
/// </summary>
public sealed record RealVoteFile(string Path, IReadOnlyList<long> RaterIds, RealQuestions Questions, RealVote[] Votes)
{
    /// <summary>The archive's file name, e.g. "raters.npz".</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}
