using Real.Contracts.Messages.Intake;

namespace Real.RatingIntake.Submitting;

/// <summary>A well-formed rating and its position in the batch's "ratings" array (for reasons that name the place).</summary>
public sealed record IndexedRating(int Index, SubmittedRating Rating);
