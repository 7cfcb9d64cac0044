using Real.Aggregation.Labels;
using Real.Contracts.Events.Intake;

namespace Real.Aggregation.LabelSets;

/// <summary>
/// A stored label set laid over its data set: every image's labels (unrated images keep their original label)
/// and every rated candidate's score. What export, diff and golden evaluation work on.
/// </summary>
public sealed class LabelSetView
{
    private readonly Dictionary<(int Image, int Label), double> _scores = [];

    public LabelSetView(StoredLabelSet labelSet, DatasetRegistered dataset)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.DatasetId != labelSet.Started.DatasetId)
        {
            throw new ArgumentException($"Label set '{labelSet.Id}' belongs to data set '{labelSet.Started.DatasetId}', not '{dataset.DatasetId}'.");
        }

        LabelSet = labelSet;
        Dataset = dataset;
        var imageIndex = new Dictionary<string, int>(dataset.ImageFiles.Count, StringComparer.Ordinal);
        for (var i = 0; i < dataset.ImageFiles.Count; i++)
        {
            imageIndex[dataset.ImageFiles[i]] = i;
        }

        var rated = new List<ImageLabels>(labelSet.Images.Count);
        foreach (var image in labelSet.Images)
        {
            if (!imageIndex.TryGetValue(image.Image, out var index))
            {
                throw new InvalidDataException($"Label set '{labelSet.Id}' names image '{image.Image}', which data set '{dataset.DatasetId}' does not have.");
            }

            rated.Add(new ImageLabels(index, image.Candidates.Select(c => c.Label).ToArray(), image.Candidates.Select(c => c.Score).ToArray(), image.Labels));
            foreach (var candidate in image.Candidates)
            {
                _scores[(index, candidate.Label)] = candidate.Score;
            }
        }

        Rated = rated;
        Labels = new FullLabelSet(dataset.ImageFiles, dataset.OriginalLabels, rated);
    }

    public StoredLabelSet LabelSet { get; }

    public DatasetRegistered Dataset { get; }

    /// <summary>The rated images in image order, with candidates and scores.</summary>
    public IReadOnlyList<ImageLabels> Rated { get; }

    public FullLabelSet Labels { get; }

    /// <summary>The score of a rated candidate, or null when (image, label) was not rated.</summary>
    public double? ScoreOf(int image, int label) => _scores.TryGetValue((image, label), out var score) ? score : null;
}
