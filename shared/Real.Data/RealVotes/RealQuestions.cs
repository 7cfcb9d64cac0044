namespace Real.Data.RealVotes;

/// <summary>
/// The (image, label) questions of a vote file in file order. Images are kept once each (in order of first
/// appearance); question q asks whether class <c>Labels[q]</c> fits image <c>Images[ImageOf[q]]</c>.
/// </summary>
public sealed class RealQuestions(string[] images, int[] imageOf, int[] labels)
{
    public IReadOnlyList<string> Images { get; } = images;

    public IReadOnlyList<int> ImageOf { get; } = imageOf;

    public IReadOnlyList<int> Labels { get; } = labels;

    public int Count => labels.Length;

    public string ImageFile(int question) => images[imageOf[question]];

    public int Label(int question) => labels[question];
}
