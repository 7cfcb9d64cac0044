namespace Real.Proposals.Pooling;

/// <summary>Progress of a stage of a proposal run: "predict tiny-a", "pool", "append", "publish".</summary>
public sealed record ProposalProgress(string Stage, int Done, int Total);
