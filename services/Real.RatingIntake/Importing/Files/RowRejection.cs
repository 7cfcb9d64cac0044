using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Importing.Files;

/// <summary>A row of a ratings file that was not recorded: its row number, its rating id when it had one, and why.</summary>
public sealed record RowRejection(int Row, string? RatingId, RatingProblem Problem)
{
    public override string ToString() => $"row {Row}{(RatingId is null ? "" : $" (rating '{RatingId}')")}: {Problem}";
}
