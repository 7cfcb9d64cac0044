namespace Real.Reporting.Evaluation;

/// <summary>
/// A multi-label set over a data set's images in validation-file order (image i is the (i+1)-th file sorted by name):
/// for each image the sorted, distinct class indices that fit it. An empty set means "excluded from evaluation",
/// as in the published ReaL labels (real.json).
/// </summary>
public sealed class LabelSet
{
    private readonly int[][] _labels;

    /// <param name="id">Who the set is: a label-set version id, an imported id, or a file path.</param>
    /// <param name="labels">One list per image; duplicates are removed and each list is sorted.</param>
    public LabelSet(string id, IReadOnlyList<IReadOnlyList<int>> labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(labels);
        Id = id;
        _labels = new int[labels.Count][];
        for (var i = 0; i < labels.Count; i++)
        {
            var set = labels[i].Distinct().ToArray();
            Array.Sort(set);
            _labels[i] = set;
        }

        Statistics = LabelSetStatistics.Of(this);
    }

    public string Id { get; }

    public int ImageCount => _labels.Length;

    public LabelSetStatistics Statistics { get; }

    public ReadOnlySpan<int> LabelsOf(int image) => _labels[image];

    public bool Contains(int image, int label) => Array.BinarySearch(_labels[image], label) >= 0;

    public bool IsExcluded(int image) => _labels[image].Length == 0;
}
