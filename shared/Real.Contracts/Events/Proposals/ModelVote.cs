namespace Real.Contracts.Events.Proposals;

/// <summary>One model proposing a label: its 1-based rank in that model's top-k and the scores it gave.</summary>
public sealed record ModelVote(string ModelId, int Rank, float? Logit, float? Probability);
