using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Importing.RealVotes;

/// <summary>What the import did with one archive: questions registered, votes read, and what became of them.</summary>
public sealed record RealVotesFileReport(
    string FileName,
    string ToolId,
    int Questions,
    int QuestionEventsAppended,
    int Votes,
    int Recorded,
    int Duplicates,
    int Rejected,
    IReadOnlyList<(string RatingId, RatingProblem Problem)> FirstProblems);
