using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Importing.Files;

/// <summary>
/// Reads ratings from CSV with CsvHelper (RFC 4180, comma-separated, UTF-8): a header row naming the fields
/// (<see cref="RatingFields"/>), then one rating per record. A bad header fails the whole file; a bad record (wrong
/// field count, broken quoting, invalid UTF-8, a value that does not parse) becomes a row with a problem and reading
/// goes on. Rows are numbered by the line they start on (the header is line 1).
/// </summary>
public static class CsvRatingFileReader
{
    public static IEnumerable<RatingFileRow> Read(string path)
    {
        var malformed = new Queue<CsvMalformedRecord>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = malformed.Enqueue,
        };
        using var reader = CsvReader.FromFile(path, options);
        var columns = Header(path, reader.Headers);
        while (true)
        {
            var more = reader.Read();
            // Skipped records are reported through the callback as the reader passes them; emit them in file order.
            while (malformed.Count > 0 && (!more || malformed.Peek().LineNumber < reader.LineNumber))
            {
                yield return Malformed(malformed.Dequeue());
            }

            if (!more)
            {
                yield break;
            }

            yield return Parse(reader, (int)reader.LineNumber, columns);
        }
    }

    private static string[] Header(string path, IReadOnlyList<string> header)
    {
        if (header.Count == 0)
        {
            throw new InvalidDataException($"{path}: empty file (expected a header row: {string.Join(",", RatingFields.All)}).");
        }

        var columns = new string[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            columns[i] = RatingFields.Canonical(header[i])
                ?? throw new InvalidDataException($"{path} row 1: unknown column '{header[i]}' (known: {string.Join(", ", RatingFields.All)}).");
            if (Array.IndexOf(columns, columns[i], 0, i) >= 0)
            {
                throw new InvalidDataException($"{path} row 1: column '{header[i]}' appears twice.");
            }
        }

        var missing = RatingFields.Required.Where(f => !columns.Contains(f)).ToList();
        if (!columns.Contains(RatingFields.Image) && !columns.Contains(RatingFields.TaskId))
        {
            missing.Add($"{RatingFields.Image} or {RatingFields.TaskId}");
        }

        return missing.Count == 0
            ? columns
            : throw new InvalidDataException($"{path} row 1: the header lacks {string.Join(", ", missing)} (it has: {string.Join(", ", header)}).");
    }

    private static RatingFileRow Malformed(CsvMalformedRecord record) =>
        new(
            (int)record.LineNumber,
            null,
            null,
            new RatingProblem(
                "row",
                Shorten(record.RawRecord),
                record.Reason == CsvMalformedReason.FieldCountMismatch ? "the record's field count differs from the header's" : $"malformed CSV ({record.Reason})"));

    private static RatingFileRow Parse(CsvReader reader, int row, string[] columns)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (!Utf8.IsValid(reader.GetSpan(i)))
            {
                return new RatingFileRow(row, null, null, new RatingProblem(columns[i], Shorten(Encoding.UTF8.GetString(reader.GetSpan(i))), "not valid UTF-8"));
            }

            values[columns[i]] = reader.GetString(i);
        }

        string? Optional(string field) => values.TryGetValue(field, out var v) && v.Length > 0 ? v : null;
        var dataset = Optional(RatingFields.DatasetId);
        RatingFileRow Fail(RatingProblem problem) => new(row, dataset, null, problem);

        if (!RatingFields.TryParseLabel(values[RatingFields.Label], out var label))
        {
            return Fail(RatingFields.LabelProblem(values[RatingFields.Label]));
        }

        if (!RatingFields.TryParseAnswer(values[RatingFields.Answer], out var answer))
        {
            return Fail(RatingFields.AnswerProblem(values[RatingFields.Answer]));
        }

        if (!RatingFields.TryParseAnsweredAt(values[RatingFields.AnsweredAt], out var answeredAt))
        {
            return Fail(RatingFields.AnsweredAtProblem(values[RatingFields.AnsweredAt]));
        }

        var rating = new IncomingRating(
            values[RatingFields.RatingId],
            Optional(RatingFields.TaskId),
            Optional(RatingFields.Image),
            label,
            values[RatingFields.RaterId],
            answer,
            answeredAt);
        return new RatingFileRow(row, dataset, rating, null);
    }

    private static string? Shorten(string? value) => value is { Length: > 200 } ? value[..200] + "…" : value;
}
