using System.Globalization;

namespace Real.Reporting.Evaluation;

/// <summary>
/// The data set's image file names in validation-file order (sorted by name) and the reverse lookup. Prediction
/// CSVs and the audit name images by file; label sets and logits by position.
/// </summary>
public sealed class ImageIndex
{
    private readonly string[] _files;
    private readonly Dictionary<string, int> _byName;

    public ImageIndex(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = [.. files];
        _byName = new Dictionary<string, int>(_files.Length, StringComparer.Ordinal);
        for (var i = 0; i < _files.Length; i++)
        {
            if (!_byName.TryAdd(_files[i], i))
            {
                throw new InvalidDataException($"Image file name '{_files[i]}' appears twice in the data set (positions {_byName[_files[i]]} and {i}).");
            }
        }
    }

    public int Count => _files.Length;

    public IReadOnlyList<string> Files => _files;

    public string FileOf(int image) => _files[image];

    /// <summary>Finds an image by its file name; a path or a name without extension is accepted too.</summary>
    public bool TryFind(string fileOrPath, out int image)
    {
        ArgumentNullException.ThrowIfNull(fileOrPath);
        var name = Path.GetFileName(fileOrPath.Trim());
        if (_byName.TryGetValue(name, out image))
        {
            return true;
        }

        // "ILSVRC2012_val_00000001" without ".JPEG" (some tools strip extensions).
        return _byName.TryGetValue(name + ".JPEG", out image);
    }

    /// <summary>The ILSVRC-2012 validation files: ILSVRC2012_val_00000001.JPEG … ILSVRC2012_val_{count}.JPEG.</summary>
    public static ImageIndex ImageNetValidation(int count = 50_000) =>
        new([.. Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"ILSVRC2012_val_{i:D8}.JPEG"))]);
}
