namespace Real.Aggregation.LabelSets;

/// <summary>The images whose labels changed from label set <see cref="Before"/> to <see cref="After"/>, and totals.</summary>
public sealed record LabelSetDifference(string Before, string After, int ImagesCompared, IReadOnlyList<ImageLabelChange> Changes)
{
    public int ImagesChanged => Changes.Count;

    public int LabelsAdded => Changes.Sum(c => c.Added.Count);

    public int LabelsRemoved => Changes.Sum(c => c.Removed.Count);

    public int BecameExcluded => Changes.Count(c => c.BecameExcluded);

    public int BecameIncluded => Changes.Count(c => c.BecameIncluded);
}
