using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Recording;

/// <summary>
/// Per-rating outcomes of one batch, in batch order, and their counts. <see cref="BatchProblem"/> is set when the
/// batch as a whole was refused (every outcome is then rejected with it and nothing was appended).
/// </summary>
public sealed record RecordingResult(RatingRecordingOutcome[] Outcomes, RatingProblem? BatchProblem)
{
    public int Recorded => Count(RecordingStatus.Recorded);

    public int Duplicates => Count(RecordingStatus.Duplicate);

    public int Rejected => Count(RecordingStatus.Rejected);

    private int Count(RecordingStatus status)
    {
        var count = 0;
        foreach (var outcome in Outcomes)
        {
            if (outcome.Status == status)
            {
                count++;
            }
        }

        return count;
    }
}
