namespace Real.Aggregation.Labels;

/// <summary>
/// A label set over the whole data set, as evaluated and exported: rated images carry their derived set (possibly
/// empty = excluded from evaluation), images never rated keep their original label.
/// </summary>
public sealed class FullLabelSet
{
    private readonly IReadOnlyList<int>[] _labels;
    private readonly bool[] _rated;

    public FullLabelSet(IReadOnlyList<string> imageFiles, IReadOnlyList<int> originalLabels, IEnumerable<ImageLabels> rated)
    {
        ArgumentNullException.ThrowIfNull(imageFiles);
        ArgumentNullException.ThrowIfNull(originalLabels);
        ArgumentNullException.ThrowIfNull(rated);
        ImageFiles = imageFiles;
        _labels = new IReadOnlyList<int>[imageFiles.Count];
        _rated = new bool[imageFiles.Count];
        foreach (var image in rated)
        {
            _labels[image.Image] = image.Set;
            _rated[image.Image] = true;
        }

        for (var i = 0; i < _labels.Length; i++)
        {
            _labels[i] ??= [originalLabels[i]];
        }
    }

    public IReadOnlyList<string> ImageFiles { get; }

    public int Count => _labels.Length;

    /// <summary>The image's labels: its set if rated, else its original label. Empty = excluded from evaluation.</summary>
    public IReadOnlyList<int> LabelsOf(int image) => _labels[image];

    public bool IsRated(int image) => _rated[image];
}
