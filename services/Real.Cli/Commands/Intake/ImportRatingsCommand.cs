using System.Text.Json;
using Real.Contracts;
using Real.Hosting;
using Real.RatingIntake.Importing.Files;
using Real.RatingIntake.Recording;
using Real.RatingIntake.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Intake;

/// <summary>
/// `real import ratings FILE --tool ID`: records the valid rows of a CSV/JSON Lines file and lists every rejected
/// row with its line and reason. Exit code 0 when every row was accepted, 1 when some were rejected (the valid ones
/// are recorded all the same), 2 when the file cannot be read at all.
/// </summary>
public sealed class ImportRatingsCommand : AsyncCommand<ImportRatingsSettings>
{
    private const int RejectionsShown = 50;

    public override async Task<int> ExecuteAsync(CommandContext context, ImportRatingsSettings settings, CancellationToken cancellationToken)
    {
        var real = settings.Resolve();
        if (!RatingValidator.IsValidToolId(settings.Tool))
        {
            throw new UserFacingException($"--tool '{settings.Tool}': a tool id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        var tool = SubmittingTool.For(settings.Tool!, settings.ParsedRole!.Value);
        RatingFileFormat? format = settings.Format switch
        {
            "csv" => RatingFileFormat.Csv,
            "jsonl" => RatingFileFormat.JsonLines,
            _ => null,
        };
        var store = await EventStoreFactory.OpenAsync(real, cancellationToken);
        try
        {
            using var recording = new RatingRecording(store);
            var importer = new RatingsFileImporter(recording.Recorder);
            var report = await SpectreImportProgress.RunAsync(
                !settings.Json,
                progress => importer.ImportAsync(settings.File, tool, settings.Dataset, format, progress, cancellationToken));
            if (settings.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["file"] = report.Path,
                    ["tool"] = report.ToolId,
                    ["rows"] = report.Rows,
                    ["recorded"] = report.Recorded,
                    ["duplicates"] = report.Duplicates,
                    ["rejected"] = report.Rejected,
                    ["rejections"] = report.Rejections.Select(r => new Dictionary<string, object?>
                    {
                        ["line"] = r.Row,
                        ["ratingId"] = r.RatingId,
                        ["field"] = r.Problem.Field,
                        ["value"] = r.Problem.Value,
                        ["reason"] = r.Problem.Reason,
                    }).ToArray(),
                }));
            }
            else
            {
                foreach (var rejection in report.Rejections.Take(RejectionsShown))
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]rejected[/] {report.Path} line {rejection.Row}{(rejection.RatingId is { } id ? $" (rating '{id}')" : "")}: {rejection.Problem.ToString()}");
                }

                if (report.Rejected > RejectionsShown)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]... and {report.Rejected - RejectionsShown:N0} more rejected rows[/] (use --json for all).");
                }

                AnsiConsole.MarkupLineInterpolated(
                    $"{report.Rows:N0} rows: [green]{report.Recorded:N0} recorded[/], {report.Duplicates:N0} already recorded, {(report.Rejected == 0 ? "0 rejected" : $"{report.Rejected:N0} rejected")} (stream {StreamNames.Ratings(tool.ToolId)}).");
            }

            return report.Rejected > 0 ? 1 : 0;
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
