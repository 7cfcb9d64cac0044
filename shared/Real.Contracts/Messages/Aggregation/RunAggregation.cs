namespace Real.Contracts.Messages.Aggregation;

/// <summary>
/// Asks the aggregation service for a new label-set version: rule <see cref="Rule"/> with
/// <see cref="Parameters"/> (missing ones default) over the crowd ratings of <see cref="DatasetId"/> up to
/// <see cref="AsOfPosition"/> or <see cref="AsOfTime"/> (neither: the whole log). <see cref="RunId"/> makes the
/// request idempotent: a redelivered message finds its label set and appends nothing. <see cref="LabelSetId"/> is
/// the id to create (null: derived from the run id). <see cref="WarmStartFrom"/> names a label set whose estimates
/// EM starts from.
/// </summary>
public sealed record RunAggregation(
    Guid RunId,
    string DatasetId,
    string Rule,
    IReadOnlyDictionary<string, string> Parameters,
    long? AsOfPosition,
    DateTimeOffset? AsOfTime,
    string? LabelSetId,
    string? WarmStartFrom);
