using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.LabelSets;

namespace Real.Reporting.Reports;

/// <summary>
/// Everything one HTML report shows, gathered before any rendering so the writer is a pure function of it.
/// Optional parts are null when their inputs do not exist yet (no golden answers, fewer than 3 models, no earlier
/// version to compare with); the report says so instead of drawing an empty plot.
/// </summary>
public sealed record ReportModel
{
    public required string Title { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Where the data came from, e.g. "sqlite /home/u/.real/events.db, 1,108,812 events".</summary>
    public required string Source { get; init; }

    public required LabelSetDescription LabelSet { get; init; }

    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Result of the store's integrity check (hash chain); null when it was not run.</summary>
    public IntegritySummary? Integrity { get; init; }

    /// <summary>Score of every rated (image, label) question in the label set; null for a set without scores.</summary>
    public IReadOnlyList<double>? Scores { get; init; }

    public GoldenEvaluation? Golden { get; init; }

    /// <summary>The models evaluated against the label set; the first is the reference for per-class figures.</summary>
    public required IReadOnlyList<ModelEvaluation> Models { get; init; }

    /// <summary>ReaL top-1 on original top-1 across <see cref="RegressionModels"/>; null with fewer than 3 of them.</summary>
    public RegressionResult? Regression { get; init; }

    /// <summary>The models the regression was fitted on (the original labels as a model are left out: their original accuracy is 1 by definition).</summary>
    public IReadOnlyList<string>? RegressionModels { get; init; }

    public LabelSetDiff? Diff { get; init; }

    /// <summary>Set-size distribution of the diff's "from" set and "to" set: sizes 0, 1, 2, … (last bucket = that many or more).</summary>
    public (IReadOnlyList<int> From, IReadOnlyList<int> To)? SetSizes { get; init; }
}
