using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Importing.RealVotes;

/// <summary>
/// How one published archive becomes ratings: the tool it is recorded as (stream <c>ratings-{tool}</c>, rater
/// namespace, role) and the prefix of its rating ids. See <see cref="RealVotesMapping"/> and docs/intake.md.
/// </summary>
public sealed record RealVotesSource(string FileName, SubmittingTool Tool, string RatingIdPrefix)
{
    /// <summary>"{namespace}:{id}", e.g. "real:189". Numeric ids in the archives are the study's rater ids.</summary>
    public string RaterId(long raterId) => $"{Tool.RaterNamespace}:{raterId}";

    /// <summary>"{prefix}:{rater}:{image}:{label}", e.g. "raters:189:ILSVRC2012_val_00041207.JPEG:556": one per (file, rater, question).</summary>
    public string RatingId(long raterId, string image, int label) => $"{RatingIdPrefix}:{raterId}:{image}:{label}";
}
