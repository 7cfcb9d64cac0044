using Real.Aggregation.Rules;

namespace Real.Aggregation.Runs;

/// <summary>
/// One aggregation run to perform. <see cref="RunId"/> identifies the request (a redelivered request makes nothing
/// new); <see cref="AsOf"/> null reads the whole log; <see cref="LabelSetId"/> null takes the next id.
/// </summary>
public sealed record AggregationRequest
{
    public required Guid RunId { get; init; }

    public required string DatasetId { get; init; }

    public string Rule { get; init; } = RuleCatalog.DefaultRule;

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public AsOfPoint? AsOf { get; init; }

    public string? LabelSetId { get; init; }

    /// <summary>A label set whose rater estimates EM starts from (a warm start), instead of the soft majority.</summary>
    public string? WarmStartFrom { get; init; }

    public int Threads { get; init; } = Environment.ProcessorCount;
}
