using Real.Contracts.Messages.Aggregation;
using Real.Contracts.Messages.Proposals;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// The scenario's two operator requests, with the same settings as the embedded run's CLI commands
/// (`real propose --models study-a,study-b --top-k 16`, `real aggregate --labelset scenario`).
/// </summary>
public static class ScenarioRequests
{
    public const string LabelSetId = "scenario";
    public const int TopK = 16;

    public static GenerateProposals Proposals() => new()
    {
        CommandId = Guid.NewGuid(),
        DatasetId = RealStudySubset.DatasetId,
        ModelIds = RealStudySubset.Models,
        TopK = TopK,
    };

    public static RunAggregation Aggregation() =>
        new(Guid.NewGuid(), RealStudySubset.DatasetId, "dawid-skene", new Dictionary<string, string>(), null, null, LabelSetId, null);

    public static string[] ProposeArguments => ["propose", "--models", string.Join(',', RealStudySubset.Models), "--top-k", $"{TopK}"];

    public static string[] AggregateArguments => ["aggregate", "--rule", "dawid-skene", "--labelset", LabelSetId];
}
