namespace Real.Proposals.Generating.Images;

/// <summary>
/// The images of one folder: files ending in .jpg, .jpeg or .png (any case), not recursive, sorted by name
/// (ordinal), which is validation-file order for ImageNet's ILSVRC2012_val_*.JPEG.
/// </summary>
public static class ImageFolder
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    public static IReadOnlyList<string> List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: image folder not found.");
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToArray();
        return files.Length > 0
            ? files
            : throw new InvalidDataException($"{directory}: no .jpg, .jpeg or .png files in this folder.");
    }
}
