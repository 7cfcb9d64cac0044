using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Importing;

/// <summary>How an import's scores are read: which model version they belong to, how many outputs, their class map and kind.</summary>
internal sealed record ImportTarget(ModelRef Model, int Outputs, IReadOnlyList<int> ClassMap, ModelOutputKind Kind);
