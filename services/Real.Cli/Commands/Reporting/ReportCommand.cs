using System.ComponentModel;
using Real.Reporting;
using Real.Reporting.Reports.Collect;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Reporting;

/// <summary>`real report`: the self-contained HTML report (DIR/index.html).</summary>
[Description("Write the self-contained HTML report: scores, precision-recall vs. experts, ReaL vs. original accuracy, per-class accuracy, label-set diff.")]
public sealed class ReportCommand : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : RealCommandSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Output folder (default: HOME/report). The report is DIR/index.html.")]
        public string? Out { get; init; }

        [CommandOption("--labelset <ID|latest|FILE>")]
        [Description("The label set to report on (default: latest version, else the newest imported set).")]
        public string LabelSet { get; init; } = "latest";

        [CommandOption("--predictions <FILE|DIR|model:ID|stored>")]
        [Description("More models to evaluate (the original labels are always included): prediction files, a folder of them, model:ID for a model's predictions in the store, or 'stored' for every model's.")]
        public string? Predictions { get; init; }

        [CommandOption("--compare <ID|FILE>")]
        [Description("Label set to diff against (default: the previous version, else the original labels).")]
        public string? Compare { get; init; }

        [CommandOption("--no-verify")]
        [Description("Skip the hash-chain check (faster on a large log).")]
        public bool NoVerify { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var real = settings.Resolve();
        var outDirectory = settings.Out ?? Path.Combine(real.Home, "report");
        await using var reporting = await ReportingContext.OpenAsync(real, cancellationToken);
        var request = new ReportRequest(settings.LabelSet, settings.Predictions, settings.Compare, !settings.NoVerify);
        var (path, model) = await AnsiConsole.Status().StartAsync("Collecting…", status =>
            new WriteReportHandler(reporting).HandleAsync(request, outDirectory, step => status.Status(Markup.Escape(step) + "…"), cancellationToken));
        var reference = model.Models.First(m => m.ModelId == "original-labels");
        var table = new Table().RoundedBorder().AddColumns("", "");
        table.AddRow("report", Markup.Escape(path));
        table.AddRow("label set", Markup.Escape($"{model.LabelSet.Id} ({model.LabelSet.Kind}, {model.LabelSet.Rule})"));
        table.AddRow("original labels, ReaL top-1", $"[bold]{reference.ReaLTop1:P2}[/] over {reference.EvaluatedImages:N0} images");
        table.AddRow("multi-label share", $"{model.LabelSet.Statistics.MultiLabelShare:P2}");
        if (model.Golden is { } golden)
        {
            table.AddRow("precision / recall vs. experts", $"{golden.OperatingPoint.Precision:P1} / {golden.OperatingPoint.Recall:P1}");
        }

        table.AddRow("integrity", model.Integrity is null ? "not checked" : model.Integrity.Ok ? "[green]verified[/]" : $"[red]FAILED at {model.Integrity.FirstBadPosition}[/]");
        AnsiConsole.Write(table);
        return model.Integrity is { Ok: false } ? 3 : 0;
    }
}
