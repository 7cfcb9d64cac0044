using System.Text.Json;
using Real.EventStore;
using Real.Hosting;
using Real.RatingIntake.Importing.RealVotes;
using Real.RatingIntake.Recording;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Intake;

/// <summary>
/// `real import real-votes [DIR]`: the ReaL study's votes as events (data set, questions, one RatingRecorded per
/// vote) through the intake's recording path. Idempotent: a second run appends 0 events and says so.
/// Exit code 1 when some vote was rejected (they are listed), 2 for missing or corrupt files.
/// </summary>
public sealed class ImportRealVotesCommand : AsyncCommand<ImportRealVotesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportRealVotesSettings settings, CancellationToken cancellationToken)
    {
        var real = settings.Resolve();
        var votes = settings.Directory ?? real.RealVotesDirectory;
        var imageNet = settings.ImageNet ?? real.ImageNetDirectory;
        var store = await EventStoreFactory.OpenAsync(real, cancellationToken);
        try
        {
            using var recording = new RatingRecording(store);
            var importer = new RealVotesImporter(store, recording.Serializer, recording.Recorder) { BatchSize = settings.BatchSize };
            var report = await SpectreImportProgress.RunAsync(!settings.Json, progress => importer.ImportAsync(votes, imageNet, progress, cancellationToken));
            if (settings.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(ToJson(report, votes)));
            }
            else
            {
                Print(report, votes);
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

    internal static Dictionary<string, object> ToJson(RealVotesImportReport report, string directory) => new()
    {
        ["directory"] = directory,
        ["events_appended"] = report.EventsAppended,
        ["already_imported"] = report.EventsAppended == 0,
        ["votes"] = report.Votes,
        ["recorded"] = report.Recorded,
        ["rejected"] = report.Rejected,
        ["seconds"] = Math.Round(report.Elapsed.TotalSeconds, 3),
        ["files"] = report.Files.Select(f => new Dictionary<string, object>
        {
            ["file"] = f.FileName,
            ["tool"] = f.ToolId,
            ["stream"] = Contracts.StreamNames.Ratings(f.ToolId),
            ["questions"] = f.Questions,
            ["votes"] = f.Votes,
            ["recorded"] = f.Recorded,
            ["duplicates"] = f.Duplicates,
            ["rejected"] = f.Rejected,
            ["problems"] = f.FirstProblems.Select(p => $"{p.RatingId}: {p.Problem}").ToArray(),
        }).ToArray(),
    };

    private static void Print(RealVotesImportReport report, string directory)
    {
        var table = new Table().Title($"ReaL votes from {Markup.Escape(directory)}")
            .AddColumns("file", "stream", "questions", "votes", "recorded", "already there", "rejected");
        foreach (var f in report.Files)
        {
            table.AddRow(
                f.FileName,
                Markup.Escape(Contracts.StreamNames.Ratings(f.ToolId)),
                $"{f.Questions:N0}",
                $"{f.Votes:N0}",
                $"{f.Recorded:N0}",
                $"{f.Duplicates:N0}",
                f.Rejected == 0 ? "0" : $"[red]{f.Rejected:N0}[/]");
        }

        AnsiConsole.Write(table);
        foreach (var f in report.Files)
        {
            foreach (var (ratingId, problem) in f.FirstProblems)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]rejected[/] {f.FileName} {ratingId}: {problem.ToString()}");
            }
        }

        AnsiConsole.MarkupLine(report.EventsAppended == 0
            ? $"[green]Already imported:[/] 0 events appended ({report.Votes:N0} votes checked in {report.Elapsed.TotalSeconds:N1} s)."
            : $"[green]Imported:[/] {report.EventsAppended:N0} events appended ({report.Recorded:N0} ratings) in {report.Elapsed.TotalSeconds:N1} s.");
    }
}
