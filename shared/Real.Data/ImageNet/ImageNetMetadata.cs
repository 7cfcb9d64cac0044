namespace Real.Data.ImageNet;

/// <summary>
/// The ImageNet-1k reference data of a directory (see shared/data/imagenet/SOURCES.md): synsets.txt (class i's
/// WordNet id), class_names.txt (class i's name), val_labels.txt (image i's original label) and hierarchy.tsv.
/// Every file is checked against the others when loaded; errors name the file and line.
/// </summary>
public sealed class ImageNetMetadata
{
    public ImageNetMetadata(IReadOnlyList<ImageNetClass> classes, IReadOnlyList<int> validationLabels)
    {
        Classes = classes;
        ValidationLabels = validationLabels;
        ClassNames = classes.Select(c => c.Name).ToArray();
    }

    public IReadOnlyList<ImageNetClass> Classes { get; }

    /// <summary>Class names by index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Original label of validation image i (file <see cref="ImageNetValidation.ImageFileName"/>(i)).</summary>
    public IReadOnlyList<int> ValidationLabels { get; }

    /// <summary>Loads and cross-checks the four files of <paramref name="directory"/>.</summary>
    public static ImageNetMetadata Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: ImageNet metadata directory not found (expected synsets.txt, class_names.txt, val_labels.txt, hierarchy.tsv).");
        }

        var synsets = LineFile.ReadNonEmpty(Path.Combine(directory, "synsets.txt"), "a WordNet id", static (line, _) => IsWnid(line) ? line : null);
        var names = LineFile.ReadNonEmpty(Path.Combine(directory, "class_names.txt"), "a class name", static (line, _) => line);
        if (names.Count != synsets.Count)
        {
            throw new InvalidDataException($"{Path.Combine(directory, "class_names.txt")}: {names.Count} class names but synsets.txt has {synsets.Count} classes.");
        }

        var labels = LineFile.ReadNonEmpty(
            Path.Combine(directory, "val_labels.txt"),
            $"a class index 0..{synsets.Count - 1}",
            (line, _) => int.TryParse(line, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var label) && label < synsets.Count ? (int?)label : null);
        var classes = HierarchyFile.Read(Path.Combine(directory, "hierarchy.tsv"), synsets, names);
        return new ImageNetMetadata(classes, labels.Select(l => l!.Value).ToArray());
    }

    internal static bool IsWnid(string text) =>
        text.Length == 9 && text[0] == 'n' && text.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
