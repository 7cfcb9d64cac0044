namespace Real.RatingIntake.Recording;

/// <summary>What became of one rating of a batch.</summary>
public enum RecordingStatus
{
    /// <summary>Appended now as a new RatingRecorded event.</summary>
    Recorded,

    /// <summary>Already recorded before (same tool, rating id and content): nothing appended; the tool may treat it as accepted.</summary>
    Duplicate,

    /// <summary>Not recorded; <see cref="RatingRecordingOutcome.Problem"/> says why.</summary>
    Rejected,
}
