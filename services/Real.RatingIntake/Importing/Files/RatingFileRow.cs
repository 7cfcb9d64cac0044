using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Importing.Files;

/// <summary>
/// One data row of a ratings file: its row number (CSV: the header is row 1; JSON Lines: the line number), the data
/// set it names (null: the import's default) and either the rating or the problem that kept it from parsing.
/// </summary>
public readonly record struct RatingFileRow(int Row, string? DatasetId, IncomingRating? Rating, RatingProblem? Problem);
