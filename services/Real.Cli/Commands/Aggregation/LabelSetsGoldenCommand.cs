using System.ComponentModel;
using System.Globalization;
using Real.Aggregation.Export;
using Real.Aggregation.LabelSets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

[Description("Precision and recall of a label set against the experts' majority on the golden questions, and the PR curve.")]
public sealed class LabelSetsGoldenCommand : AsyncCommand<LabelSetsGoldenSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LabelSetsGoldenSettings settings, CancellationToken cancellationToken)
    {
        await using var opened = await AggregationCli.OpenAsync(settings.Resolve(), cancellationToken);
        var report = await new LabelSetQueries(opened.Store, AggregationCli.Serializer).GoldenAsync(settings.LabelSet, cancellationToken);
        if (settings.CurveFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            AtomicFile.Write(file, writer =>
            {
                writer.Write("threshold,precision,recall,tp,fp,fn,tn\n");
                foreach (var point in report.Curve)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{point.Threshold:0.00},{point.Precision:R},{point.Recall:R},{point.TruePositives},{point.FalsePositives},{point.FalseNegatives},{point.TrueNegatives}\n"));
                }
            });
        }

        if (settings.Json)
        {
            AggregationCli.PrintJson(new
            {
                labelSet = report.LabelSetId,
                report.Questions,
                report.Ties,
                report.Experts,
                threshold = report.AtLabelSet.Threshold,
                report.AtLabelSet.Precision,
                report.AtLabelSet.Recall,
                report.AtLabelSet.F1,
                curve = report.Curve.Select(p => new { p.Threshold, p.Precision, p.Recall }),
            });
            return 0;
        }

        var at = report.AtLabelSet;
        AnsiConsole.MarkupLineInterpolated(
            $"Label set [blue]{report.LabelSetId}[/] on {report.Questions:N0} golden questions ({report.Experts} experts, {report.Ties} ties left out): precision [bold]{at.Precision:P1}[/], recall [bold]{at.Recall:P1}[/] (TP {at.TruePositives}, FP {at.FalsePositives}, FN {at.FalseNegatives}, TN {at.TrueNegatives}).");
        var table = new Table().AddColumns("threshold", "precision", "recall");
        foreach (var point in report.Curve.Where((_, i) => i % 10 == 0 || i is 95 or 99))
        {
            table.AddRow(point.Threshold!.Value.ToString("0.00", CultureInfo.InvariantCulture), point.Precision.ToString("P1", CultureInfo.InvariantCulture), point.Recall.ToString("P1", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
