using System.ComponentModel;
using Real.Aggregation.LabelSets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

[Description("List the label-set versions, oldest first.")]
public sealed class LabelSetsListCommand : AsyncCommand<JsonOutputSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, JsonOutputSettings settings, CancellationToken cancellationToken)
    {
        await using var opened = await AggregationCli.OpenAsync(settings.Resolve(), cancellationToken);
        var list = await new LabelSetReader(opened.Store, AggregationCli.Serializer).ListAsync(cancellationToken);
        if (settings.Json)
        {
            AggregationCli.PrintJson(new
            {
                labelSets = list.Select(s => new
                {
                    s.Id,
                    s.Allocation.DatasetId,
                    s.Allocation.RunId,
                    s.IsComplete,
                    s.Started?.Rule,
                    s.Started?.RuleVersion,
                    s.Started?.Parameters,
                    s.Started?.InputUpToPosition,
                    s.Started?.WarmStartedFrom,
                    s.Completed?.ImagesRated,
                    s.Completed?.EmptySets,
                    s.Completed?.MultiLabelShare,
                    s.Completed?.Iterations,
                    s.Completed?.Converged,
                    s.Completed?.CompletedAt,
                }),
            });
            return 0;
        }

        if (list.Count == 0)
        {
            AnsiConsole.MarkupLine("No label sets yet: run [blue]real aggregate[/].");
            return 0;
        }

        var table = new Table().AddColumns("id", "rule", "parameters", "input ≤ position", "images rated", "multi-label", "empty sets", "iterations", "completed");
        foreach (var s in list)
        {
            if (!s.IsComplete)
            {
                table.AddRow(Markup.Escape(s.Id), Markup.Escape(s.Allocation.Rule), "", "", "[yellow]incomplete[/]", "", "", "", "");
                continue;
            }

            var parameters = string.Join(" ", s.Started!.Parameters.Where(p => p.Key is "threshold" or "smoothing" or "prior" or "maybe-weight" or "animal-rule" or "animal-negatives").Select(p => $"{p.Key}={p.Value}"));
            table.AddRow(
                Markup.Escape(s.Id),
                Markup.Escape($"{s.Started.Rule} v{s.Started.RuleVersion}"),
                Markup.Escape(parameters),
                s.Started.InputUpToPosition.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                s.Completed!.ImagesRated.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                AggregationCli.Percent(s.Completed.MultiLabelShare),
                s.Completed.EmptySets.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                $"{s.Completed.Iterations}{(s.Completed.Converged ? "" : " (not converged)")}",
                s.Completed.CompletedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
