namespace Real.RatingIntake.Validation;

/// <summary>
/// Why a rating (or a whole batch) is rejected: the field at fault (as named in SubmitRatings' JSON, e.g. "answeredAt",
/// "raterId"; "ratings" for the batch's size), the offending value as text (null when missing) and a reason a tool
/// developer can act on.
/// </summary>
public sealed record RatingProblem(string Field, string? Value, string Reason)
{
    public override string ToString() => Value is null ? $"{Field}: {Reason}" : $"{Field} '{Value}': {Reason}";
}
