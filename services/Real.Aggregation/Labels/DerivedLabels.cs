namespace Real.Aggregation.Labels;

/// <summary>The rated images of a label set, in image order, with the statistics a completed run reports.</summary>
public sealed record DerivedLabels(IReadOnlyList<ImageLabels> Images)
{
    public int ImagesRated => Images.Count;

    public int QuestionsScored => Images.Sum(i => i.Candidates.Count);

    /// <summary>Rated images whose set ended up empty: excluded from evaluation.</summary>
    public int EmptySets => Images.Count(i => i.Set.Count == 0);

    /// <summary>Rated images whose set holds two labels or more.</summary>
    public int MultiLabelImages => Images.Count(i => i.Set.Count > 1);

    /// <summary>Share of rated images with two labels or more (0 when nothing was rated).</summary>
    public double MultiLabelShare => Images.Count == 0 ? 0 : MultiLabelImages / (double)Images.Count;
}
