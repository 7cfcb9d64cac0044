using Real.Aggregation.DawidSkene;

namespace Real.Aggregation.Rules;

/// <summary>
/// How a rule runs, as opposed to what it computes: threads (results are identical for any count) and an optional
/// warm start from a previous label set's estimates, keyed by rater id.
/// </summary>
public sealed record RuleExecution
{
    public int Threads { get; init; } = Environment.ProcessorCount;

    public PreviousEstimate? WarmStart { get; init; }

    public static RuleExecution Default { get; } = new();
}

/// <summary>A previous run's prior and confusion rows by rater id: where a warm-started run begins.</summary>
public sealed record PreviousEstimate(double PriorFits, IReadOnlyDictionary<string, RaterRows> Raters);
