using Real.Contracts.Events.Intake;

namespace Real.Proposals.Datasets;

/// <summary>
/// A registered data set as proposals need it: class names, images and their original labels, and a lookup from a
/// file name to the data set's image. A file matches by exact name, else by name without extension
/// (ILSVRC2012_val_00000001.png matches ILSVRC2012_val_00000001.JPEG), so re-encoded copies still line up.
/// </summary>
public sealed class DatasetImages
{
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byStem = new(StringComparer.Ordinal);

    public DatasetImages(DatasetRegistered dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
        for (var i = 0; i < dataset.ImageFiles.Count; i++)
        {
            _byName.TryAdd(dataset.ImageFiles[i], i);
            _byStem.TryAdd(Path.GetFileNameWithoutExtension(dataset.ImageFiles[i]), i);
        }
    }

    public DatasetRegistered Dataset { get; }

    public string DatasetId => Dataset.DatasetId;

    public int ClassCount => Dataset.ClassNames.Count;

    public int ImageCount => Dataset.ImageFiles.Count;

    /// <summary>The data set's index of the image a file holds, or null when the data set has no such image.</summary>
    public int? Find(string fileName)
    {
        var name = Path.GetFileName(fileName);
        return _byName.TryGetValue(name, out var index) || _byStem.TryGetValue(Path.GetFileNameWithoutExtension(name), out index)
            ? index
            : null;
    }

    public string ImageName(int index) => Dataset.ImageFiles[index];

    public int OriginalLabel(int index) => Dataset.OriginalLabels[index];

    public string ClassName(int label) => Dataset.ClassNames[label];
}
