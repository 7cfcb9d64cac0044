using Real.Aggregation.Rules;
using Real.Contracts;

namespace Real.Aggregation.AutoRerun;

/// <summary>When and how the aggregation service re-runs by itself as new crowd ratings arrive.</summary>
public sealed record AutoAggregationOptions
{
    public string DatasetId { get; init; } = StreamNames.ImageNetVal;

    /// <summary>The rule of the first label set, when none exists yet; later runs repeat the latest label set's rule and parameters.</summary>
    public string Rule { get; init; } = RuleCatalog.DefaultRule;

    /// <summary>Run once no new rating has arrived for this long (ratings come in batches).</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>...but never wait longer than this after the first rating not yet aggregated.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The durable checkpoint of the ratings subscription.</summary>
    public string SubscriptionId { get; init; } = "aggregation-auto-rerun";

    public int Threads { get; init; } = Environment.ProcessorCount;
}
