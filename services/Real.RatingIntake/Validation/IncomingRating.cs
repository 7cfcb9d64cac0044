using Real.Contracts;

namespace Real.RatingIntake.Validation;

/// <summary>
/// One rating as it reaches the recording path from any entry point (bus, HTTP, file import): the fields of
/// SubmitRatings' ratings. The question is named by <see cref="TaskId"/> (plus <see cref="Label"/>, one of the task's
/// candidates) or by (<see cref="Image"/>, <see cref="Label"/>). <see cref="RatingId"/> is chosen by the tool and
/// unique within it; <see cref="RaterId"/> is "namespace:rater".
/// </summary>
public sealed record IncomingRating(
    string RatingId,
    string? TaskId,
    string? Image,
    int Label,
    string RaterId,
    RatingAnswer Answer,
    DateTimeOffset AnsweredAt);
