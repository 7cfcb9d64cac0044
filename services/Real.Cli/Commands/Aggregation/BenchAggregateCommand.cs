using System.ComponentModel;
using System.Diagnostics;
using Real.Aggregation.Inputs;
using Real.Aggregation.Labels;
using Real.Aggregation.Rules;
using Real.Data.ImageNet;
using Real.Data.RealVotes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

[Description("Time a rule on the full ReaL votes read directly from raters.npz (default: D&S, paper settings, to convergence).")]
public sealed class BenchAggregateCommand : AsyncCommand<BenchAggregateSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, BenchAggregateSettings settings, CancellationToken cancellationToken)
    {
        var real = settings.Resolve();
        if (settings.Repeat < 1)
        {
            throw new ArgumentException($"--repeat must be at least 1, not {settings.Repeat}.");
        }

        var (rule, parameters) = RuleCatalog.Standard.Resolve(settings.Rule, RuleParameters.ParseAssignments(settings.Parameters));
        var execution = new RuleExecution { Threads = settings.Threads ?? Environment.ProcessorCount };

        var load = Stopwatch.StartNew();
        var votes = RealVoteFileReader.Read(Path.Combine(real.RealVotesDirectory, RealVotesArchive.RatersFile));
        var metadata = ImageNetMetadata.Load(real.ImageNetDirectory);
        load.Stop();
        var build = Stopwatch.StartNew();
        var input = RealVotesInput.Build(votes, RealVotesInput.ImageNetValidationDataset(metadata));
        build.Stop();

        var runs = new List<double>();
        var cpu = new List<double>();
        RuleOutcome outcome = null!;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < settings.Repeat; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            outcome = rule.Score(input, parameters, execution);
            runs.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }

        var derived = LabelDerivation.Derive(input, outcome.Scores, outcome.Threshold);
        var full = new FullLabelSet(input.Dataset.ImageFiles, input.Dataset.OriginalLabels, derived.Images);
        var counted = Enumerable.Range(0, full.Count).Where(i => full.LabelsOf(i).Count > 0).ToArray();
        var originalInSet = counted.Count(i => full.LabelsOf(i).Contains(input.Dataset.OriginalLabels[i]));
        var ratedCounted = counted.Where(full.IsRated).ToArray();
        var ratedOriginalInSet = ratedCounted.Count(i => full.LabelsOf(i).Contains(input.Dataset.OriginalLabels[i]));
        var sorted = runs.Order().ToArray();
        var result = new
        {
            benchmark = "aggregate",
            rule = rule.Name,
            ruleVersion = rule.Version,
            parameters = parameters.Values,
            votes = input.Votes.VoteCount,
            questions = input.QuestionCount,
            raters = input.RaterIds.Count,
            votesWithOriginalLabelRater = outcome.VotesUsed,
            iterations = outcome.Iterations,
            converged = outcome.Converged,
            seconds = Math.Round(sorted[sorted.Length / 2], 4),
            secondsMin = Math.Round(sorted[0], 4),
            secondsRuns = runs.Select(s => Math.Round(s, 4)).ToArray(),
            cpuSecondsRuns = cpu.Select(s => Math.Round(s, 4)).ToArray(),
            loadSeconds = Math.Round(load.Elapsed.TotalSeconds, 3),
            buildSeconds = Math.Round(build.Elapsed.TotalSeconds, 3),
            threads = execution.Threads,
            cores = Environment.ProcessorCount,
            loadAverage = AggregationCli.LoadAverage(),
            peakRssMb = AggregationCli.PeakRssMegabytes(),
            imagesRated = derived.ImagesRated,
            emptySets = derived.EmptySets,
            multiLabelShare = Math.Round(derived.MultiLabelShare, 4),
            priorFits = outcome.PriorFits,
            originalLabelInSet = Math.Round(originalInSet / (double)counted.Length, 4),
            originalLabelInSetRatedOnly = Math.Round(ratedOriginalInSet / (double)ratedCounted.Length, 4),
        };
        if (settings.Json)
        {
            AggregationCli.PrintJson(result);
        }
        else
        {
            var table = new Table().AddColumns("measure", "value");
            foreach (var property in result.GetType().GetProperties())
            {
                var value = property.GetValue(result);
                var text = value switch
                {
                    double[] values => string.Join(", ", values),
                    IReadOnlyDictionary<string, string> map => string.Join(" ", map.Select(p => $"{p.Key}={p.Value}")),
                    _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                };
                table.AddRow(property.Name, Markup.Escape(text));
            }

            AnsiConsole.Write(table);
        }

        return Task.FromResult(0);
    }
}
