namespace Real.Aggregation.Inputs;

/// <summary>
/// The data set a label set is built for: its images (sorted by file name; index = position), their original
/// single labels, and which classes are animals (for the paper's original-label rater).
/// </summary>
public sealed class DatasetSnapshot
{
    private readonly Dictionary<string, int> _imageIndex;

    public DatasetSnapshot(string datasetId, IReadOnlyList<string> imageFiles, IReadOnlyList<int> originalLabels, IReadOnlyList<bool> isAnimal)
    {
        ArgumentException.ThrowIfNullOrEmpty(datasetId);
        ArgumentNullException.ThrowIfNull(imageFiles);
        ArgumentNullException.ThrowIfNull(originalLabels);
        ArgumentNullException.ThrowIfNull(isAnimal);
        if (imageFiles.Count != originalLabels.Count)
        {
            throw new ArgumentException($"Data set '{datasetId}' has {imageFiles.Count} images but {originalLabels.Count} original labels.", nameof(originalLabels));
        }

        DatasetId = datasetId;
        ImageFiles = imageFiles;
        OriginalLabels = originalLabels;
        IsAnimal = isAnimal;
        _imageIndex = new Dictionary<string, int>(imageFiles.Count, StringComparer.Ordinal);
        for (var i = 0; i < imageFiles.Count; i++)
        {
            if (!_imageIndex.TryAdd(imageFiles[i], i))
            {
                throw new ArgumentException($"Data set '{datasetId}' lists image '{imageFiles[i]}' twice (positions {_imageIndex[imageFiles[i]]} and {i}).", nameof(imageFiles));
            }

            if ((uint)originalLabels[i] >= (uint)isAnimal.Count)
            {
                throw new ArgumentException($"Data set '{datasetId}': image '{imageFiles[i]}' has original label {originalLabels[i]}, outside the {isAnimal.Count} classes.", nameof(originalLabels));
            }
        }
    }

    public string DatasetId { get; }

    public IReadOnlyList<string> ImageFiles { get; }

    public IReadOnlyList<int> OriginalLabels { get; }

    /// <summary>Per class: whether it is an animal (WordNet 'animal' among its ancestors).</summary>
    public IReadOnlyList<bool> IsAnimal { get; }

    public int ClassCount => IsAnimal.Count;

    public int ImageCount => ImageFiles.Count;

    public int IndexOf(string imageFile) => _imageIndex.TryGetValue(imageFile, out var index) ? index : -1;

    /// <summary>Looks an image up by a span (no string allocated), for the fast rating reader.</summary>
    public int IndexOf(ReadOnlySpan<char> imageFile) =>
        _imageIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(imageFile, out var index) ? index : -1;

    public IReadOnlyList<int> AnimalClasses() =>
        Enumerable.Range(0, IsAnimal.Count).Where(c => IsAnimal[c]).ToArray();
}
