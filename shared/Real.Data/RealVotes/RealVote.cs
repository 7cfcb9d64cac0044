namespace Real.Data.RealVotes;

/// <summary>
/// One published answer: question index into <see cref="RealQuestions"/>, rater index into
/// <see cref="RealVoteFile.RaterIds"/>, and the answer. 8 bytes, so the 924,810 votes take about 7 MB.
/// </summary>
public readonly record struct RealVote(int Question, short Rater, RealVoteAnswer Answer);
