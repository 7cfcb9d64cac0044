using System.ComponentModel;
using Real.Aggregation.Export;
using Real.Aggregation.LabelSets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

[Description("Export a label set: the published ReaL format (one list of labels per validation image) or CSV.")]
public sealed class ExportLabelsCommand : AsyncCommand<ExportLabelsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExportLabelsSettings settings, CancellationToken cancellationToken)
    {
        var format = settings.Format.ToLowerInvariant();
        if (format is not ("real-json" or "csv"))
        {
            throw new ArgumentException($"--format '{settings.Format}' is not known: use real-json or csv.");
        }

        var output = settings.Out ?? throw new ArgumentException("--out FILE is required.");
        await using var opened = await AggregationCli.OpenAsync(settings.Resolve(), cancellationToken);
        var view = await new LabelSetQueries(opened.Store, AggregationCli.Serializer).ViewAsync(settings.LabelSet, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        AtomicFile.Write(output, writer =>
        {
            if (format == "csv")
            {
                LabelCsvFormat.Write(view, writer);
            }
            else
            {
                RealJsonFormat.Write(view.Labels, writer);
            }
        });

        var excluded = Enumerable.Range(0, view.Labels.Count).Count(i => view.Labels.LabelsOf(i).Count == 0);
        AnsiConsole.MarkupLineInterpolated(
            $"Wrote label set [blue]{view.LabelSet.Id}[/] ({view.Labels.Count:N0} images, {view.Rated.Count:N0} rated, {excluded:N0} excluded) as {format} to [blue]{output}[/].");
        return 0;
    }
}
