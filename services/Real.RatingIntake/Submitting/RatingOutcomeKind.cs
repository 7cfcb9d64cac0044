namespace Real.RatingIntake.Submitting;

public enum RatingOutcomeKind
{
    Recorded,
    Duplicate,
    Rejected,
}
