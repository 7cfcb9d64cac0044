using System.ComponentModel;
using System.Diagnostics;
using Real.Aggregation.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

[Description("Time a full replay: read every rating from the event store and append a finished label-set version.")]
public sealed class BenchReplayCommand : AsyncCommand<BenchReplaySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BenchReplaySettings settings, CancellationToken cancellationToken)
    {
        var real = settings.Resolve();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        await using var opened = await AggregationCli.OpenAsync(real, cancellationToken);
        var head = await opened.Store.GetHeadPositionAsync(cancellationToken);
        var runner = new AggregationRunner(opened.Store, AggregationCli.Serializer, AggregationCli.AnimalClasses(real));
        var result = await runner.RunAsync(new AggregationRequest { RunId = Guid.NewGuid(), DatasetId = settings.Dataset, Rule = settings.Rule }, cancellationToken);
        total.Stop();
        process.Refresh();
        var output = new
        {
            benchmark = "replay",
            store = opened.Store.Backend,
            eventsInStore = head,
            ratingEventsRead = result.EventsRead,
            labelSet = result.LabelSetId,
            rule = result.Started.Rule,
            votes = result.Completed.Votes,
            questions = result.Completed.QuestionsScored,
            imagesRated = result.Completed.ImagesRated,
            iterations = result.Completed.Iterations,
            readSeconds = Math.Round(result.Timings.ReadSeconds, 3),
            computeSeconds = Math.Round(result.Timings.ComputeSeconds, 3),
            writeSeconds = Math.Round(result.Timings.WriteSeconds, 3),
            seconds = Math.Round(total.Elapsed.TotalSeconds, 3),
            cpuSeconds = Math.Round((process.TotalProcessorTime - cpuBefore).TotalSeconds, 3),
            cores = Environment.ProcessorCount,
            loadAverage = AggregationCli.LoadAverage(),
            peakRssMb = AggregationCli.PeakRssMegabytes(),
        };
        if (settings.Json)
        {
            AggregationCli.PrintJson(output);
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(
                $"Replayed {output.ratingEventsRead:N0} rating events of {output.eventsInStore:N0} into label set [blue]{output.labelSet}[/] in {output.seconds:F2} s (read {output.readSeconds:F2}, compute {output.computeSeconds:F2}, write {output.writeSeconds:F2}); peak RSS {output.peakRssMb} MB.");
        }

        return 0;
    }
}
