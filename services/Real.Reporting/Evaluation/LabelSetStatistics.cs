namespace Real.Reporting.Evaluation;

/// <summary>
/// Size of a label set. <see cref="MultiLabelShare"/> is the share of evaluated (non-empty) images with two or more
/// labels — the paper's "multi-label" fraction; excluded images are not in its denominator.
/// </summary>
public sealed record LabelSetStatistics(int Images, int EvaluatedImages, int ExcludedImages, int MultiLabelImages, long TotalLabels)
{
    public double MultiLabelShare => EvaluatedImages == 0 ? 0 : (double)MultiLabelImages / EvaluatedImages;

    /// <summary>Mean number of labels per evaluated image.</summary>
    public double MeanLabelsPerImage => EvaluatedImages == 0 ? 0 : (double)TotalLabels / EvaluatedImages;

    public static LabelSetStatistics Of(LabelSet labelSet)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        int evaluated = 0, multi = 0;
        long total = 0;
        for (var i = 0; i < labelSet.ImageCount; i++)
        {
            var count = labelSet.LabelsOf(i).Length;
            total += count;
            if (count > 0)
            {
                evaluated++;
            }

            if (count > 1)
            {
                multi++;
            }
        }

        return new LabelSetStatistics(labelSet.ImageCount, evaluated, labelSet.ImageCount - evaluated, multi, total);
    }
}
