using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Proposals;

/// <summary>
/// A rating task (one image, at most 8 candidate labels) sent to rating tools. Appended to <c>tasks-{DatasetId}</c>;
/// the bus message RatingTaskCreated is published from it. Ratings may name the task instead of (image, label).
/// </summary>
[EventType("RatingTaskIssued")]
public sealed record RatingTaskIssued(string TaskId, string DatasetId, string Image, IReadOnlyList<int> Labels, string Instructions);
