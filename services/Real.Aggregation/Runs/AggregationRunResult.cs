using Real.Contracts.Events.Aggregation;

namespace Real.Aggregation.Runs;

/// <summary>
/// A finished run: its label set's first and last events, whether it already existed (a repeated request), and
/// where the time went (seconds reading the log, computing, writing the label set).
/// </summary>
public sealed record AggregationRunResult(
    string LabelSetId,
    AggregationStarted Started,
    AggregationCompleted Completed,
    bool AlreadyExisted,
    RunTimings Timings,
    long EventsRead);

public sealed record RunTimings(double ReadSeconds, double ComputeSeconds, double WriteSeconds)
{
    public static RunTimings None { get; } = new(0, 0, 0);

    public double TotalSeconds => ReadSeconds + ComputeSeconds + WriteSeconds;
}
