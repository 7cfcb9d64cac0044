using System.ComponentModel;
using Real.Aggregation.LabelSets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

[Description("Compare two label sets: the images whose labels changed, labels added and removed.")]
public sealed class LabelSetsDiffCommand : AsyncCommand<LabelSetsDiffSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LabelSetsDiffSettings settings, CancellationToken cancellationToken)
    {
        await using var opened = await AggregationCli.OpenAsync(settings.Resolve(), cancellationToken);
        var queries = new LabelSetQueries(opened.Store, AggregationCli.Serializer);
        var before = await queries.ViewAsync(settings.Before, cancellationToken);
        var after = await queries.ViewAsync(settings.After, cancellationToken);
        var diff = LabelSetDiff.Compute(before, after);
        if (settings.Json)
        {
            AggregationCli.PrintJson(new
            {
                diff.Before,
                diff.After,
                diff.ImagesCompared,
                diff.ImagesChanged,
                diff.LabelsAdded,
                diff.LabelsRemoved,
                diff.BecameExcluded,
                diff.BecameIncluded,
                changes = diff.Changes.Select(c => new { c.Image, c.Before, c.After, c.Added, c.Removed }),
            });
            return 0;
        }

        var names = before.Dataset.ClassNames;
        string Labels(IEnumerable<int> labels) => Markup.Escape(string.Join(", ", labels.Select(l => $"{l} {names[l]}")));
        AnsiConsole.MarkupLineInterpolated(
            $"Label set [blue]{diff.Before}[/] → [blue]{diff.After}[/]: {diff.ImagesChanged:N0} of {diff.ImagesCompared:N0} images changed; {diff.LabelsAdded:N0} labels added, {diff.LabelsRemoved:N0} removed; {diff.BecameExcluded:N0} images newly excluded, {diff.BecameIncluded:N0} included again.");
        if (diff.Changes.Count == 0)
        {
            return 0;
        }

        var table = new Table().AddColumns("image", "before", "after", "added", "removed");
        foreach (var change in diff.Changes.Take(Math.Max(0, settings.Limit)))
        {
            table.AddRow(Markup.Escape(change.Image), Labels(change.Before), Labels(change.After), $"[green]{Labels(change.Added)}[/]", $"[red]{Labels(change.Removed)}[/]");
        }

        AnsiConsole.Write(table);
        if (diff.Changes.Count > settings.Limit)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]... {diff.Changes.Count - settings.Limit:N0} more (--limit, or --json for all).[/]");
        }

        return 0;
    }
}
