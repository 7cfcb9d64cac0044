namespace Real.Aggregation.LabelSets;

/// <summary>Compares two label sets of one data set image by image (unrated images count with their original label).</summary>
public static class LabelSetDiff
{
    public static LabelSetDifference Compute(LabelSetView before, LabelSetView after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Dataset.DatasetId != after.Dataset.DatasetId)
        {
            throw new ArgumentException($"Label sets '{before.LabelSet.Id}' and '{after.LabelSet.Id}' belong to different data sets ({before.Dataset.DatasetId}, {after.Dataset.DatasetId}).");
        }

        var changes = new List<ImageLabelChange>();
        for (var image = 0; image < before.Labels.Count; image++)
        {
            var a = before.Labels.LabelsOf(image);
            var b = after.Labels.LabelsOf(image);
            var added = b.Except(a).Order().ToArray();
            var removed = a.Except(b).Order().ToArray();
            if (added.Length > 0 || removed.Length > 0)
            {
                changes.Add(new ImageLabelChange(before.Labels.ImageFiles[image], a, b, added, removed));
            }
        }

        return new LabelSetDifference(before.LabelSet.Id, after.LabelSet.Id, before.Labels.Count, changes);
    }
}
