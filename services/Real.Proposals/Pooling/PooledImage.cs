using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Pooling;

/// <summary>One image after pooling: candidates (original first, then by support) and the labels the rule left out.</summary>
public sealed record PooledImage(string Image, int OriginalLabel, IReadOnlyList<ProposedLabel> Candidates, IReadOnlyList<ProposedLabel> Dropped)
{
    /// <summary>Only the original label is left: nothing to ask, the image keeps its label.</summary>
    public bool KeepsOriginal => Candidates.Count == 1;
}
