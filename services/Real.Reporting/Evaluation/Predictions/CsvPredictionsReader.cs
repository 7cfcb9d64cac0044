using System.Globalization;

namespace Real.Reporting.Evaluation.Predictions;

/// <summary>
/// Reads ranked predictions from CSV: header <c>file,label,score</c>, one or more rows per image file, best first
/// (the proposals' export format). Rows of one file need not be adjacent; their order in the file is their rank.
/// Every image of the data set must have at least one row. Errors name the line, field and value.
/// </summary>
public static class CsvPredictionsReader
{
    private static readonly string[] ExpectedHeader = ["file", "label", "score"];

    public static TopKPredictions Read(string path, string modelId, ImageIndex images, int classCount, int k = 5)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(images);
        var perImage = new List<int>?[images.Count];
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path}: the file is empty (expected the header 'file,label,score').");
        var columns = header.TrimStart('\uFEFF').Split(',').Select(c => c.Trim().ToLowerInvariant()).ToArray();
        if (!columns.SequenceEqual(ExpectedHeader))
        {
            throw new InvalidDataException($"{path}: line 1: header is '{header}', expected 'file,label,score'.");
        }

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            ParseRow(line, lineNumber, path, images, classCount, perImage);
        }

        var missing = Enumerable.Range(0, images.Count).Where(i => perImage[i] is null).ToList();
        if (missing.Count > 0)
        {
            var examples = string.Join(", ", missing.Take(3).Select(images.FileOf));
            throw new InvalidDataException($"{path}: {missing.Count:N0} of {images.Count:N0} images have no prediction (e.g. {examples}); every validation file needs at least one row.");
        }

        var width = Math.Max(1, Math.Min(k, perImage.Max(p => p!.Count)));
        var ranked = new int[images.Count * width];
        Array.Fill(ranked, TopKPredictions.NoPrediction);
        for (var i = 0; i < images.Count; i++)
        {
            var labels = perImage[i]!;
            for (var r = 0; r < Math.Min(width, labels.Count); r++)
            {
                ranked[(i * width) + r] = labels[r];
            }
        }

        return new TopKPredictions(modelId, width, ranked);
    }

    private static void ParseRow(string line, int lineNumber, string path, ImageIndex images, int classCount, List<int>?[] perImage)
    {
        var fields = line.Split(',');
        if (fields.Length != 3)
        {
            throw new InvalidDataException($"{path}: line {lineNumber}: {fields.Length} fields, expected 3 (file,label,score): '{line}'.");
        }

        if (!images.TryFind(fields[0], out var image))
        {
            throw new InvalidDataException($"{path}: line {lineNumber}: field 'file': '{fields[0]}' is not an image of the data set.");
        }

        if (!int.TryParse(fields[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) || label < 0 || label >= classCount)
        {
            throw new InvalidDataException($"{path}: line {lineNumber}: field 'label': '{fields[1]}' is not a class index in 0..{classCount - 1}.");
        }

        if (!double.TryParse(fields[2].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || double.IsNaN(score))
        {
            throw new InvalidDataException($"{path}: line {lineNumber}: field 'score': '{fields[2]}' is not a number.");
        }

        var labels = perImage[image] ??= [];
        if (labels.Contains(label))
        {
            throw new InvalidDataException($"{path}: line {lineNumber}: label {label} is listed twice for {images.FileOf(image)}.");
        }

        labels.Add(label);
    }
}
