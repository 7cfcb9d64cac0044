using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Aggregation;

/// <summary>
/// A label-set id given to an aggregation run, appended to <c>labelsetindex-all</c> before the run writes
/// <c>labelset-{LabelSetId}</c>. Ids are 1, 2, 3, ... in allocation order; the index also maps a run id back to its
/// label set, so a redelivered RunAggregation finds the label set it already made.
/// </summary>
[EventType("LabelSetAllocated")]
public sealed record LabelSetAllocated(string LabelSetId, string RunId, string DatasetId, string Rule, DateTimeOffset AllocatedAt);
