using System.ComponentModel;
using Real.Aggregation.Rules;
using Real.Aggregation.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

[Description("Aggregate the crowd ratings into a new label-set version (appended as events; earlier versions stay).")]
public sealed class AggregateCommand : AsyncCommand<AggregateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AggregateSettings settings, CancellationToken cancellationToken)
    {
        var real = settings.Resolve();
        var request = new AggregationRequest
        {
            RunId = Guid.NewGuid(),
            DatasetId = settings.Dataset,
            Rule = settings.Rule,
            Parameters = RuleParameters.ParseAssignments(settings.Parameters),
            AsOf = settings.AsOf is null ? null : AsOfPoint.Parse(settings.AsOf),
            LabelSetId = settings.LabelSetId,
            WarmStartFrom = settings.WarmStart,
            Threads = settings.Threads ?? Environment.ProcessorCount,
        };
        if (request.Threads < 1)
        {
            throw new ArgumentException($"--threads must be at least 1, not {request.Threads}.");
        }

        await using var opened = await AggregationCli.OpenAsync(real, cancellationToken);
        var runner = new AggregationRunner(opened.Store, AggregationCli.Serializer, AggregationCli.AnimalClasses(real));
        AggregationRunResult result;
        if (settings.Json)
        {
            result = await runner.RunAsync(request, cancellationToken);
            AggregationCli.PrintJson(new
            {
                labelSet = result.LabelSetId,
                result.Started.Rule,
                result.Started.RuleVersion,
                result.Started.Parameters,
                result.Started.InputUpToPosition,
                result.Completed.ImagesRated,
                result.Completed.QuestionsScored,
                result.Completed.Votes,
                result.Completed.Raters,
                result.Completed.MultiLabelShare,
                result.Completed.EmptySets,
                result.Completed.Iterations,
                result.Completed.Converged,
                computeSeconds = result.Completed.Seconds,
                readSeconds = result.Timings.ReadSeconds,
                writeSeconds = result.Timings.WriteSeconds,
            });
            return 0;
        }

        result = await AnsiConsole.Status().StartAsync($"Aggregating with {settings.Rule}...", _ => runner.RunAsync(request, cancellationToken));
        var table = new Table().AddColumns("label set", Markup.Escape(result.LabelSetId));
        table.AddRow("rule", Markup.Escape($"{result.Started.Rule} (version {result.Started.RuleVersion})"));
        table.AddRow("parameters", Markup.Escape(string.Join(" ", result.Started.Parameters.Select(p => $"{p.Key}={p.Value}"))));
        table.AddRow("input", Markup.Escape($"ratings up to log position {result.Started.InputUpToPosition}{(result.Started.AsOf is null ? "" : $" (as of {result.Started.AsOf})")}"));
        table.AddRow("images rated", $"{result.Completed.ImagesRated:N0} ({result.Completed.QuestionsScored:N0} questions, {result.Completed.Votes:N0} votes, {result.Completed.Raters} raters)");
        table.AddRow("multi-label", AggregationCli.Percent(result.Completed.MultiLabelShare));
        table.AddRow("empty sets", $"{result.Completed.EmptySets:N0} (excluded from evaluation)");
        table.AddRow("iterations", $"{result.Completed.Iterations}{(result.Completed.Converged ? "" : " [yellow](not converged)[/]")}");
        table.AddRow("seconds", Markup.Escape($"read {result.Timings.ReadSeconds:F2}, compute {result.Completed.Seconds:F2}, write {result.Timings.WriteSeconds:F2}"));
        if (result.AlreadyExisted)
        {
            table.AddRow("note", "this run had already completed; nothing was appended");
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
