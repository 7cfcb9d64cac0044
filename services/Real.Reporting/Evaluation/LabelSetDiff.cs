namespace Real.Reporting.Evaluation;

/// <summary>
/// How label set <see cref="To"/> differs from <see cref="From"/> (same images, validation-file order): images whose
/// set changed, labels added and removed, and images that became excluded (empty) or included.
/// </summary>
public sealed record LabelSetDiff(
    string From,
    string To,
    int Images,
    int ChangedImages,
    long LabelsAdded,
    long LabelsRemoved,
    int NewlyExcluded,
    int NewlyIncluded,
    IReadOnlyList<ImageLabelChange> Changes)
{
    public static LabelSetDiff Compute(LabelSet from, LabelSet to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.ImageCount != to.ImageCount)
        {
            throw new InvalidDataException($"Cannot compare '{from.Id}' ({from.ImageCount:N0} images) with '{to.Id}' ({to.ImageCount:N0} images).");
        }

        var changes = new List<ImageLabelChange>();
        long added = 0, removed = 0;
        int excluded = 0, included = 0;
        for (var image = 0; image < from.ImageCount; image++)
        {
            var a = from.LabelsOf(image);
            var b = to.LabelsOf(image);
            if (a.SequenceEqual(b))
            {
                continue;
            }

            var addedHere = b.ToArray().Where(l => !from.Contains(image, l)).ToArray();
            var removedHere = a.ToArray().Where(l => !to.Contains(image, l)).ToArray();
            added += addedHere.Length;
            removed += removedHere.Length;
            excluded += a.Length > 0 && b.Length == 0 ? 1 : 0;
            included += a.Length == 0 && b.Length > 0 ? 1 : 0;
            changes.Add(new ImageLabelChange(image, a.ToArray(), b.ToArray(), addedHere, removedHere));
        }

        return new LabelSetDiff(from.Id, to.Id, from.ImageCount, changes.Count, added, removed, excluded, included, changes);
    }
}
