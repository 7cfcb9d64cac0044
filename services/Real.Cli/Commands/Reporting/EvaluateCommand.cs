using System.ComponentModel;
using System.Text.Json;
using Real.Reporting;
using Real.Reporting.Evaluate;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Reporting;

/// <summary>`real evaluate`: ReaL and original accuracy of prediction files against a label set.</summary>
[Description("ReaL top-1/top-5 and original accuracy of predictions (.npy logits, .csv, a folder, stored ones, or 'original') against a label set.")]
public sealed class EvaluateCommand : AsyncCommand<EvaluateCommand.Settings>
{
    public sealed class Settings : RealCommandSettings
    {
        [CommandOption("--predictions <FILE|DIR|model:ID|stored|original>")]
        [Description("A .npy (N × C logits) or .csv (file,label,score) file, a folder of them, model:ID for a model's predictions in the store (from propose or import predictions), 'stored' for every model's, or 'original' for the original labels as a model.")]
        public string Predictions { get; init; } = EvaluatePredictions.OriginalLabels;

        [CommandOption("--labelset <ID|latest|FILE>")]
        [Description("A label-set id, 'latest' (our newest version), or a real.json file. Default: latest.")]
        public string LabelSet { get; init; } = "latest";

        [CommandOption("--per-class")]
        [Description("Also list per-class accuracies (in --json output, and the 10 hardest classes in the text output).")]
        public bool PerClass { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object instead of tables.")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var reporting = await ReportingContext.OpenAsync(settings.Resolve(), cancellationToken);
        var handler = new EvaluatePredictionsHandler(reporting);
        var run = settings.Json
            ? await handler.HandleAsync(new EvaluatePredictions(settings.Predictions, settings.LabelSet), cancellationToken: cancellationToken)
            : await AnsiConsole.Status().StartAsync("Evaluating…", status =>
                handler.HandleAsync(new EvaluatePredictions(settings.Predictions, settings.LabelSet), file => status.Status($"Reading {Markup.Escape(Path.GetFileName(file))}…"), cancellationToken));
        var dataset = await reporting.DatasetAsync(cancellationToken);
        if (settings.Json)
        {
            Console.WriteLine(EvaluationJson.Build(run, settings.PerClass, dataset.ClassNames).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        EvaluationTables.Write(run, settings.PerClass, dataset);
        return 0;
    }
}
