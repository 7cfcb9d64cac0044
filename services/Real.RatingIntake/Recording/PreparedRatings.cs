using Real.EventStore;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Recording;

/// <summary>
/// A validated batch whose events are built but not yet appended (<see cref="RatingRecorder.PrepareAsync"/>).
/// Committing it (<see cref="RatingRecorder.CommitAsync"/>) appends and settles the outcomes. Splitting the two lets a
/// bulk import build batch k+1 while batch k is being written. Commit each prepared batch once.
/// </summary>
public sealed class PreparedRatings
{
    internal PreparedRatings(string stream, string toolId, BatchValidation validation, RatingRecordingOutcome[] outcomes, List<EventData> events, List<int> indexes)
    {
        Stream = stream;
        ToolId = toolId;
        Validation = validation;
        Outcomes = outcomes;
        Events = events;
        Indexes = indexes;
    }

    /// <summary>The stream the events go to: <c>ratings-{toolId}</c>.</summary>
    public string Stream { get; }

    public string ToolId { get; }

    public BatchValidation Validation { get; }

    /// <summary>Number of events the commit will try to append (valid, distinct ratings).</summary>
    public int EventCount => Events.Count;

    internal RatingRecordingOutcome[] Outcomes { get; }

    internal List<EventData> Events { get; }

    /// <summary>For each event, the batch index of its rating.</summary>
    internal List<int> Indexes { get; }

    internal bool Committed { get; set; }
}
