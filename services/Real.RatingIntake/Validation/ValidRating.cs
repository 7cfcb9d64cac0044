namespace Real.RatingIntake.Validation;

/// <summary>A rating that passed validation, with its question resolved (a task id is turned into its image).</summary>
public readonly record struct ValidRating(int Index, IncomingRating Rating, string Image, int Label);
