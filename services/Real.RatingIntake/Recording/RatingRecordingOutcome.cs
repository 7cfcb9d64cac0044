using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Recording;

/// <summary>The outcome of the rating at <see cref="Index"/> of its batch; <see cref="Problem"/> is set exactly when rejected.</summary>
public readonly record struct RatingRecordingOutcome(int Index, string? RatingId, RecordingStatus Status, RatingProblem? Problem)
{
    public bool IsAccepted => Status != RecordingStatus.Rejected;
}
