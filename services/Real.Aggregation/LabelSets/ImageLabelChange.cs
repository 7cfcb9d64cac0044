namespace Real.Aggregation.LabelSets;

/// <summary>One image whose labels differ between two label sets.</summary>
public sealed record ImageLabelChange(string Image, IReadOnlyList<int> Before, IReadOnlyList<int> After, IReadOnlyList<int> Added, IReadOnlyList<int> Removed)
{
    /// <summary>Had labels, now has none: newly excluded from evaluation.</summary>
    public bool BecameExcluded => Before.Count > 0 && After.Count == 0;

    public bool BecameIncluded => Before.Count == 0 && After.Count > 0;
}
