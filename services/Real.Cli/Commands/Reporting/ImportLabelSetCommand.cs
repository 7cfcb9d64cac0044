using System.ComponentModel;
using Real.Reporting;
using Real.Reporting.ImportLabelSet;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Reporting;

/// <summary>`real import labelset`: a published label set (real.json) as events, for evaluation and comparison.</summary>
[Description("Import a published label set (real-json: a list of 50,000 lists of label indices) as events.")]
public sealed class ImportLabelSetCommand : AsyncCommand<ImportLabelSetCommand.Settings>
{
    public sealed class Settings : RealCommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The label-set file.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--format <FORMAT>")]
        [Description("File format: real-json (the paper's real.json).")]
        public string Format { get; init; } = ImportPublishedLabelSetHandler.RealJsonFormat;

        [CommandOption("--id <ID>")]
        [Description("Id to store it under (default: the file name without extension).")]
        public string? Id { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            throw new FileNotFoundException($"{settings.File}: no such label-set file.");
        }

        await using var reporting = await ReportingContext.OpenAsync(settings.Resolve(), cancellationToken);
        var dataset = await reporting.DatasetAsync(cancellationToken);
        var id = settings.Id ?? ImportPublishedLabelSetHandler.DefaultId(settings.File);
        var result = await new ImportPublishedLabelSetHandler(reporting.Store, reporting.Serializer)
            .HandleAsync(new ImportPublishedLabelSet(settings.File, settings.Format, id), dataset, cancellationToken);
        var s = result.Statistics;
        if (result.AlreadyImported)
        {
            AnsiConsole.MarkupLineInterpolated($"Label set [bold]{result.LabelSetId}[/] was already imported from this file: 0 events appended.");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Imported label set [bold]{result.LabelSetId}[/] into stream {result.Stream}: {result.AppendedEvents} events.");
        }

        AnsiConsole.MarkupLineInterpolated($"{s.Images:N0} images, {s.EvaluatedImages:N0} with labels, {s.ExcludedImages:N0} excluded, multi-label share {s.MultiLabelShare:P2}.");
        return 0;
    }
}
