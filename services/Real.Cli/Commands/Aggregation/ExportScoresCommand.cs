using System.ComponentModel;
using Real.Aggregation.Export;
using Real.Aggregation.LabelSets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

[Description("Export every rated (image, label) question's score of a label set as CSV.")]
public sealed class ExportScoresCommand : AsyncCommand<ExportScoresSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExportScoresSettings settings, CancellationToken cancellationToken)
    {
        var output = settings.Out ?? throw new ArgumentException("--out FILE is required.");
        await using var opened = await AggregationCli.OpenAsync(settings.Resolve(), cancellationToken);
        var view = await new LabelSetQueries(opened.Store, AggregationCli.Serializer).ViewAsync(settings.LabelSet, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        AtomicFile.Write(output, writer => ScoreCsvFormat.Write(view, writer));
        AnsiConsole.MarkupLineInterpolated($"Wrote {view.Rated.Sum(r => r.Candidates.Count):N0} scores of label set [blue]{view.LabelSet.Id}[/] to [blue]{output}[/].");
        return 0;
    }
}
