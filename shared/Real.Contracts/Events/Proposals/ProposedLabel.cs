namespace Real.Contracts.Events.Proposals;

/// <summary>A label considered for an image, with every model that had it in its top-k (empty for an original label no model proposed).</summary>
public sealed record ProposedLabel(int Label, bool IsOriginal, IReadOnlyList<ModelVote> ProposedBy);
