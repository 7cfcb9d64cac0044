namespace Real.Contracts.Events.Proposals;

/// <summary>A model at one version: which predictions a proposal run used.</summary>
public sealed record ModelRef(string ModelId, string Version);
