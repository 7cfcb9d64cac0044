using Real.Contracts.Events.Aggregation;

namespace Real.Aggregation.LabelSets;

/// <summary>One row of <c>labelsets list</c>: the allocation, and the version's first and last events (null while incomplete).</summary>
public sealed record LabelSetSummary(LabelSetAllocated Allocation, AggregationStarted? Started, AggregationCompleted? Completed)
{
    public string Id => Allocation.LabelSetId;

    public bool IsComplete => Started is not null && Completed is not null;
}
