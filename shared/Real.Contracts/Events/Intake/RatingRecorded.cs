using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Intake;

/// <summary>
/// One accepted rating. The event id derives from (<see cref="ToolId"/>, <see cref="RatingId"/>), so a re-sent
/// rating appends nothing. A rater answering the same question again is a new rating (a new RatingId): the
/// history is kept and aggregation uses the latest answer by <see cref="AnsweredAt"/> (ties: the later event).
/// <see cref="RaterId"/> is namespaced by the tool: "tool:rater".
/// </summary>
[EventType("RatingRecorded")]
public sealed record RatingRecorded(
    string RatingId,
    string ToolId,
    string BatchId,
    string RaterId,
    RaterRole Role,
    string DatasetId,
    string Image,
    int Label,
    RatingAnswer Answer,
    DateTimeOffset AnsweredAt,
    string? TaskId);
