using System.Diagnostics;
using Real.EventStore.Sqlite;
using Real.Hosting.Diagnostics;
using Real.RatingIntake.Importing.RealVotes;
using Real.RatingIntake.Recording;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Intake;

/// <summary>
/// `real bench ingest`: imports the full ReaL votes (all three archives) into a fresh embedded SQLite store in a
/// temporary home and prints ratings, seconds, ratings_per_s and peak_rss_mb. The time covers everything the import
/// does: reading the archives and ImageNet metadata, registering data set and questions, validating and recording.
/// </summary>
public sealed class IngestBenchCommand : AsyncCommand<IngestBenchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, IngestBenchSettings settings, CancellationToken cancellationToken)
    {
        var real = settings.Resolve();
        var home = Path.Combine(Path.GetTempPath(), $"real-bench-ingest-{Guid.NewGuid():N}");
        Directory.CreateDirectory(home);
        var result = new Dictionary<string, object>
        {
            ["bench"] = "ingest",
            ["store"] = "sqlite",
            ["batch_size"] = settings.BatchSize,
            ["cores"] = Environment.ProcessorCount,
            ["load_average"] = ProcessFigures.LoadAverage(),
        };
        try
        {
            var store = new SqliteEventStore(Path.Combine(home, "events.db"));
            await using (store)
            {
                await store.InitializeAsync(cancellationToken);
                using var recording = new RatingRecording(store);
                var importer = new RealVotesImporter(store, recording.Serializer, recording.Recorder) { BatchSize = settings.BatchSize };
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var report = await importer.ImportAsync(real.RealVotesDirectory, real.ImageNetDirectory, progress: null, cancellationToken);
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                if (report.Rejected > 0)
                {
                    throw new UserFacingException($"bench ingest: {report.Rejected} votes were rejected; the import is broken.");
                }

                var seconds = report.Elapsed.TotalSeconds;
                result["ratings"] = report.Recorded;
                result["crowd_votes"] = report.Files[0].Recorded;
                result["events"] = report.EventsAppended;
                result["seconds"] = Math.Round(seconds, 3);
                result["ratings_per_s"] = Math.Round(report.Recorded / seconds);
                result["cpu_seconds"] = Math.Round(cpu.TotalSeconds, 3);
                result["peak_rss_mb"] = ProcessFigures.PeakRssMegabytes();
                if (settings.Rerun)
                {
                    var again = await importer.ImportAsync(real.RealVotesDirectory, real.ImageNetDirectory, progress: null, cancellationToken);
                    result["rerun_seconds"] = Math.Round(again.Elapsed.TotalSeconds, 3);
                    result["rerun_events_appended"] = again.EventsAppended;
                    result["peak_rss_mb"] = ProcessFigures.PeakRssMegabytes();
                }
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            result["store_mb"] = Math.Round(Directory.EnumerateFiles(home).Sum(f => new FileInfo(f).Length) / 1048576.0, 1);
        }
        finally
        {
            if (!settings.Keep)
            {
                Directory.Delete(home, recursive: true);
            }
            else
            {
                result["home"] = home;
            }
        }

        BenchOutput.Print(result, settings.Json);
        return 0;
    }
}
