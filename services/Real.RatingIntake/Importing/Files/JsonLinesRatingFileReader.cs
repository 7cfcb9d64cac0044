using System.Text.Json;
using System.Text.Unicode;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Importing.Files;

/// <summary>
/// Reads ratings from JSON Lines: one object per line with the fields of SubmitRatings' ratings (plus an optional
/// "datasetId"), e.g. <c>{"ratingId":"r1","image":"ILSVRC2012_val_00000001.JPEG","label":65,"raterId":"acme:7","answer":"yes","answeredAt":"2024-05-01T12:00:00Z"}</c>.
/// Blank lines are skipped; a line that is not valid UTF-8 or JSON, has a wrong type or an unknown field becomes a
/// row with a problem and reading goes on.
/// </summary>
public static class JsonLinesRatingFileReader
{
    public static IEnumerable<RatingFileRow> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        foreach (var (number, line) in ByteLines.Read(stream))
        {
            if (line.AsSpan().Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            yield return Parse(number, line);
        }
    }

    private static RatingFileRow Parse(int row, byte[] line)
    {
        if (!Utf8.IsValid(line))
        {
            return new RatingFileRow(row, null, null, new RatingProblem("line", Preview(line), "not valid UTF-8"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return new RatingFileRow(row, null, null, new RatingProblem("line", Preview(line), $"not valid JSON: {ex.Message}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new RatingFileRow(row, null, null, new RatingProblem("line", Preview(line), "each line must be one JSON object"));
            }

            var strings = new Dictionary<string, string?>(StringComparer.Ordinal);
            int? label = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = RatingFields.All.FirstOrDefault(f => f == property.Name);
                if (field is null)
                {
                    return new RatingFileRow(row, null, null, new RatingProblem(property.Name, Shorten(property.Value.GetRawText()), $"unknown field (known: {string.Join(", ", RatingFields.All)})"));
                }

                if (field == RatingFields.Label)
                {
                    if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var value))
                    {
                        return new RatingFileRow(row, null, null, RatingFields.LabelProblem(Shorten(property.Value.GetRawText())));
                    }

                    label = value;
                }
                else if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                {
                    strings[field] = property.Value.GetString();
                }
                else
                {
                    return new RatingFileRow(row, null, null, new RatingProblem(field, Shorten(property.Value.GetRawText()), "must be a string"));
                }
            }

            return Build(row, strings, label);
        }
    }

    private static RatingFileRow Build(int row, Dictionary<string, string?> strings, int? label)
    {
        string? Get(string field) => strings.TryGetValue(field, out var v) ? v : null;
        var dataset = Get(RatingFields.DatasetId);
        RatingFileRow Fail(RatingProblem problem) => new(row, dataset, null, problem);
        if (label is null)
        {
            return Fail(new RatingProblem(RatingFields.Label, null, "missing"));
        }

        var answerText = Get(RatingFields.Answer);
        if (answerText is null || !RatingFields.TryParseAnswer(answerText, out var answer))
        {
            return Fail(answerText is null ? new RatingProblem(RatingFields.Answer, null, "missing") : RatingFields.AnswerProblem(answerText));
        }

        var atText = Get(RatingFields.AnsweredAt);
        if (!RatingFields.TryParseAnsweredAt(atText, out var answeredAt))
        {
            return Fail(atText is null ? new RatingProblem(RatingFields.AnsweredAt, null, "missing") : RatingFields.AnsweredAtProblem(atText));
        }

        // Missing ids stay empty strings here; the validator rejects them with the field's name.
        var rating = new IncomingRating(Get(RatingFields.RatingId) ?? "", Get(RatingFields.TaskId), Get(RatingFields.Image), label.Value, Get(RatingFields.RaterId) ?? "", answer, answeredAt);
        return new RatingFileRow(row, dataset, rating, null);
    }

    private static string Preview(byte[] line)
    {
        var text = System.Text.Encoding.UTF8.GetString(line);
        return Shorten(text)!;
    }

    private static string? Shorten(string? value) => value is { Length: > 200 } ? value[..200] + "…" : value;
}
