using System.Globalization;
using Real.Contracts.Events.Proposals;
using Real.Proposals.Datasets;

namespace Real.Proposals.Importing;

/// <summary>
/// Reads top-k predictions as CSV: a header naming the columns file, label and score (in any order), then one row per
/// (image, label), best first within an image. file is an image of the data set, label a class index, score a
/// probability or a logit. Every problem is collected with its line; the file is refused as a whole if any.
/// </summary>
internal static class CsvPredictionReader
{
    private const int MaxReported = 20;

    public static IReadOnlyList<ImagePrediction> Read(string path, DatasetImages dataset, ModelOutputKind kind, int topK)
    {
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext())
        {
            throw new InvalidDataException($"{path}: the file is empty; expected a header 'file,label,score'.");
        }

        var header = lines.Current.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var (fileColumn, labelColumn, scoreColumn) = (Array.IndexOf(header, "file"), Array.IndexOf(header, "label"), Array.IndexOf(header, "score"));
        if (fileColumn < 0 || labelColumn < 0 || scoreColumn < 0)
        {
            throw new InvalidDataException($"{path} line 1: header '{lines.Current}' must name the columns file, label and score.");
        }

        var byImage = new Dictionary<string, List<(int Label, float Score, int Line)>>(StringComparer.Ordinal);
        var order = new List<string>();
        var problems = new List<string>();
        var lineNumber = 1;
        while (lines.MoveNext())
        {
            lineNumber++;
            if (lines.Current.Trim().Length == 0)
            {
                continue;
            }

            var fields = lines.Current.Split(',');
            if (fields.Length != header.Length)
            {
                problems.Add($"line {lineNumber}: {fields.Length} fields but the header has {header.Length}");
                continue;
            }

            var file = fields[fileColumn].Trim();
            var labelText = fields[labelColumn].Trim();
            var scoreText = fields[scoreColumn].Trim();
            if (dataset.Find(file) is not { } index)
            {
                problems.Add($"line {lineNumber}: file '{file}' is not an image of data set '{dataset.DatasetId}'");
            }
            else if (!int.TryParse(labelText, NumberStyles.None, CultureInfo.InvariantCulture, out var label) || label >= dataset.ClassCount)
            {
                problems.Add($"line {lineNumber}: label '{labelText}' is not a class index 0..{dataset.ClassCount - 1}");
            }
            else if (!float.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !float.IsFinite(score))
            {
                problems.Add($"line {lineNumber}: score '{scoreText}' is not a finite number");
            }
            else if (kind == ModelOutputKind.Probabilities && score is < 0f or > 1f)
            {
                problems.Add($"line {lineNumber}: score {scoreText} is not a probability (0 to 1); pass --score-kind logits if these are logits");
            }
            else
            {
                var image = dataset.ImageName(index);
                if (!byImage.TryGetValue(image, out var rows))
                {
                    byImage[image] = rows = [];
                    order.Add(image);
                }

                if (rows.FirstOrDefault(r => r.Label == label) is { Line: > 0 } earlier)
                {
                    problems.Add($"line {lineNumber}: label {label} for '{file}' was already given on line {earlier.Line}");
                }
                else
                {
                    rows.Add((label, score, lineNumber));
                }
            }

            if (problems.Count >= MaxReported)
            {
                break;
            }
        }

        if (problems.Count > 0)
        {
            var more = problems.Count >= MaxReported ? $" (stopped after {MaxReported} problems)" : string.Empty;
            throw new InvalidDataException($"{path}: nothing imported{more}:\n  {string.Join("\n  ", problems)}");
        }

        if (order.Count == 0)
        {
            throw new InvalidDataException($"{path}: no prediction rows after the header.");
        }

        // Best first as the format asks; a stable sort keeps the file's order among equal scores.
        return order
            .Select(image => new ImagePrediction(
                image,
                [.. byImage[image]
                    .OrderByDescending(r => r.Score)
                    .Take(topK)
                    .Select(r => kind == ModelOutputKind.Logits ? new LabelScore(r.Label, r.Score, null) : new LabelScore(r.Label, null, r.Score))]))
            .ToArray();
    }
}
