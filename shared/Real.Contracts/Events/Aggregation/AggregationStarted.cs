using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Aggregation;

/// <summary>
/// First event of a label-set version (<c>labelset-{LabelSetId}</c>): which rule with which parameters (all of them,
/// defaults included, canonical text), the rule's maths version, the input (crowd ratings of <see cref="DatasetId"/>
/// up to global position <see cref="InputUpToPosition"/>), the classes treated as animals, the code that ran, and
/// the label set it was warm-started from, if any. Everything needed to recompute the version from the log.
/// </summary>
[EventType("AggregationStarted")]
public sealed record AggregationStarted(
    string LabelSetId,
    string RunId,
    string DatasetId,
    string Rule,
    string RuleVersion,
    IReadOnlyDictionary<string, string> Parameters,
    long InputUpToPosition,
    string? AsOf,
    IReadOnlyList<int> AnimalClasses,
    string CodeVersion,
    string? WarmStartedFrom,
    DateTimeOffset StartedAt);
