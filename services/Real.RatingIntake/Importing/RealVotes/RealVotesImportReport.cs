namespace Real.RatingIntake.Importing.RealVotes;

/// <summary>The outcome of `real import real-votes`. <see cref="EventsAppended"/> is 0 for a repeated import.</summary>
public sealed record RealVotesImportReport(int DatasetEventsAppended, IReadOnlyList<RealVotesFileReport> Files, TimeSpan Elapsed)
{
    public int EventsAppended => DatasetEventsAppended + Files.Sum(f => f.QuestionEventsAppended + f.Recorded);

    public int Votes => Files.Sum(f => f.Votes);

    public int Recorded => Files.Sum(f => f.Recorded);

    public int Rejected => Files.Sum(f => f.Rejected);
}
