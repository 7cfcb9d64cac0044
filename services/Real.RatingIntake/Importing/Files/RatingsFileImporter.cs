using Real.Contracts;
using Real.RatingIntake.Recording;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Importing.Files;

/// <summary>
/// `real import ratings FILE --tool ID`: reads a CSV or JSON Lines file of ratings and records them through the
/// <see cref="RatingRecorder"/> — the same validation and idempotency as the bus — in batches of
/// <see cref="BatchSize"/> consecutive rows of one data set. Partial acceptance: a row that fails to parse or
/// validate is reported with its row number and reason; every valid row is recorded. Re-importing a file records
/// nothing new (rating ids are per tool).
/// </summary>
public sealed class RatingsFileImporter(RatingRecorder recorder)
{
    public int BatchSize { get; init; } = 5_000;

    public static RatingFileFormat DetectFormat(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => RatingFileFormat.Csv,
        ".jsonl" or ".ndjson" => RatingFileFormat.JsonLines,
        var other => throw new ArgumentException($"{path}: cannot tell the format from the extension '{other}'; use .csv, .jsonl or .ndjson, or pass --format csv|jsonl."),
    };

    public async Task<RatingsFileImportReport> ImportAsync(
        string path,
        SubmittingTool tool,
        string defaultDatasetId = StreamNames.ImageNetVal,
        RatingFileFormat? format = null,
        IImportProgress? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BatchSize, RatingLimits.MaxRatingsPerBatch);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such ratings file.", path);
        }

        progress ??= IImportProgress.None;
        var step = $"import {Path.GetFileName(path)}";
        progress.Begin(step, CountLines(path));
        var rows = (format ?? DetectFormat(path)) == RatingFileFormat.Csv ? CsvRatingFileReader.Read(path) : JsonLinesRatingFileReader.Read(path);

        var rejections = new List<RowRejection>();
        int count = 0, recorded = 0, duplicates = 0;
        var pending = new List<RatingFileRow>(BatchSize);
        string? pendingDataset = null;

        async Task FlushAsync()
        {
            if (pending.Count == 0)
            {
                return;
            }

            // One batch id per file, whatever the batch size: it is part of each recorded rating, so re-imports stay identical.
            var batchId = $"file:{Path.GetFileName(path)}";
            var result = await recorder.RecordAsync(new RatingBatch(tool, batchId, pendingDataset!, pending.ConvertAll(r => r.Rating!)), metadata: null, cancellationToken);
            for (var i = 0; i < pending.Count; i++)
            {
                var outcome = result.Outcomes[i];
                switch (outcome.Status)
                {
                    case RecordingStatus.Recorded:
                        recorded++;
                        break;
                    case RecordingStatus.Duplicate:
                        duplicates++;
                        break;
                    default:
                        rejections.Add(new RowRejection(pending[i].Row, outcome.RatingId, outcome.Problem!));
                        break;
                }
            }

            pending.Clear();
        }

        foreach (var row in rows)
        {
            count++;
            if (row.Problem is not null)
            {
                rejections.Add(new RowRejection(row.Row, row.Rating?.RatingId, row.Problem));
                progress.Advance(step, 1);
                continue;
            }

            var dataset = row.DatasetId ?? defaultDatasetId;
            if (pending.Count == BatchSize || (pending.Count > 0 && dataset != pendingDataset))
            {
                await FlushAsync();
            }

            pendingDataset = dataset;
            pending.Add(row);
            progress.Advance(step, 1);
        }

        await FlushAsync();
        rejections.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new RatingsFileImportReport(path, tool.ToolId, count, recorded, duplicates, rejections);
    }

    /// <summary>Line breaks in the file: the progress bar's total (a cheap upper bound on the rows).</summary>
    private static long CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }
}
