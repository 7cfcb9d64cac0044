using Real.Data.ImageNet;
using Real.Hosting;
using Real.Proposals.Datasets;

namespace Real.Proposals.Pooling;

/// <summary>
/// Groups ImageNet-1k classes by WordNet: each class's path is its first-parent hypernym chain from hierarchy.tsv,
/// read from the root down, ending in the class's own wnid. A data set whose class names are not ImageNet's (in
/// ImageNet's order) gets the flat hierarchy, so candidates are then grouped by class index only.
/// </summary>
public sealed class ImageNetHierarchySource(RealSettings settings) : ILabelHierarchySource
{
    private readonly Lazy<ImageNetMetadata?> _metadata = new(() =>
        File.Exists(Path.Combine(settings.ImageNetDirectory, "hierarchy.tsv")) ? ImageNetMetadata.Load(settings.ImageNetDirectory) : null);

    public LabelHierarchy For(DatasetImages dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (_metadata.Value is not { } imagenet || !imagenet.ClassNames.SequenceEqual(dataset.Dataset.ClassNames, StringComparer.Ordinal))
        {
            return LabelHierarchy.Flat;
        }

        return FromImageNet(imagenet);
    }

    public static LabelHierarchy FromImageNet(ImageNetMetadata imagenet)
    {
        ArgumentNullException.ThrowIfNull(imagenet);
        var paths = imagenet.Classes
            .Select(c => (IReadOnlyList<string>)[.. c.HypernymChain.Reverse().Select(n => n.Wnid), c.Wnid])
            .ToArray();
        return LabelHierarchy.FromPaths(paths);
    }
}
