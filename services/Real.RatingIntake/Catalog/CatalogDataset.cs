namespace Real.RatingIntake.Catalog;

/// <summary>
/// What the catalogue knows of one data set: whether it is registered, its class count, its images and the
/// (image, label) questions registered for it (by imports or as candidates of rating tasks).
/// Mutated only by <see cref="QuestionCatalog"/> under its write lock.
/// </summary>
public sealed class CatalogDataset(string datasetId)
{
    private readonly Dictionary<string, int> _images = new(StringComparer.Ordinal);
    private readonly HashSet<long> _questions = [];

    public string DatasetId { get; } = datasetId;

    /// <summary>True once a DatasetRegistered was read; questions may arrive before it but are not usable until then.</summary>
    public bool IsRegistered { get; private set; }

    public int ClassCount { get; private set; }

    public int ImageCount => _images.Count;

    public int QuestionCount => _questions.Count;

    public bool HasImage(string image) => _images.ContainsKey(image);

    public bool HasQuestion(string image, int label) =>
        _images.TryGetValue(image, out var index) && _questions.Contains(Key(index, label));

    /// <summary>The image's index in this catalogue (one hash lookup; pair it with <see cref="HasQuestion(int, int)"/>).</summary>
    public bool TryGetImage(string image, out int index) => _images.TryGetValue(image, out index);

    public bool HasQuestion(int image, int label) => _questions.Contains(Key(image, label));

    internal void Register(int classCount, IReadOnlyList<string> images)
    {
        IsRegistered = true;
        ClassCount = classCount;
        _images.EnsureCapacity(images.Count);
        foreach (var image in images)
        {
            ImageIndex(image);
        }
    }

    internal void AddQuestion(string image, int label) => _questions.Add(Key(ImageIndex(image), label));

    internal void EnsureQuestionCapacity(int additional) => _questions.EnsureCapacity(_questions.Count + additional);

    private int ImageIndex(string image)
    {
        if (!_images.TryGetValue(image, out var index))
        {
            index = _images.Count;
            _images.Add(image, index);
        }

        return index;
    }

    private static long Key(int image, int label) => ((long)image << 32) | (uint)label;
}
