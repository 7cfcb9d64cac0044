namespace Real.Contracts.Messages.Intake;

/// <summary>
/// One answer inside <see cref="SubmitRatings"/>. The question is named either by <see cref="TaskId"/> plus
/// <see cref="Label"/> (a candidate of that task) or by (<see cref="Image"/>, <see cref="Label"/>).
/// <see cref="RatingId"/> is chosen by the tool and unique within the tool: a re-sent rating id records nothing new.
/// <see cref="RaterId"/> is namespaced by the tool: "tool:rater".
/// </summary>
public sealed record SubmittedRating(
    string RatingId,
    string? TaskId,
    string? Image,
    int Label,
    string RaterId,
    RatingAnswer Answer,
    DateTimeOffset AnsweredAt);
