using System.Globalization;
using Real.Reporting.Audit;
using Spectre.Console;

namespace Real.Cli.Commands.Reporting;

/// <summary>The text form of `real explain`: one panel per label, then the events with positions and hashes.</summary>
internal static class ExplainTables
{
    public static void Write(ImageExplanation x)
    {
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(x.Image)}[/] (image {x.ImageIndex + 1:N0}) — original label {x.OriginalLabel} [grey]{Markup.Escape(x.OriginalClass)}[/]").LeftJustified());
        if (x.LabelSet is { } ls)
        {
            var parameters = string.Join(", ", ls.Parameters.Select(p => $"{p.Key}={p.Value}"));
            AnsiConsole.MarkupLineInterpolated($"label set [bold]{ls.Id}[/] ({ls.Kind}): rule [bold]{ls.Rule}[/] version {ls.RuleVersion}; parameters {(parameters.Length == 0 ? "–" : parameters)}; threshold {(ls.Threshold is { } t ? t.ToString(CultureInfo.InvariantCulture) : "–")}");
            AnsiConsole.MarkupLineInterpolated($"labels in the set: [bold]{(x.LabelsInSet.Count == 0 ? "none (image excluded)" : string.Join(", ", x.LabelsInSet))}[/]{(x.PriorFits is { } p ? $"; prior P(fits) = {p:0.000}" : string.Empty)}");
        }
        else
        {
            AnsiConsole.MarkupLine("[yellow]no label set yet: aggregate (or import one) to see a verdict[/]");
        }

        foreach (var label in x.Labels)
        {
            var verdict = label.InSet switch { true => "[green]in the set[/]", false => "[red]not in the set[/]", null => "[grey]no verdict[/]" };
            var score = label.Score is { } s ? $"score {s:0.0000}" : "not scored";
            AnsiConsole.Write(new Rule($"label {label.Label} [bold]{Markup.Escape(label.ClassName)}[/]{(label.IsOriginal ? " (original)" : string.Empty)} — {verdict}, {score}").LeftJustified().RuleStyle("grey"));
            if (label.ProposedBy.Count > 0)
            {
                var proposals = new Table().RoundedBorder().Title("proposed by").AddColumns("model", "rank", "logit", "probability", "position");
                foreach (var v in label.ProposedBy)
                {
                    proposals.AddRow(Markup.Escape(v.ModelId), v.Rank.ToString(CultureInfo.InvariantCulture), F(v.Logit), F(v.Probability), v.Position.ToString(CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(proposals);
            }

            var ratings = new Table().RoundedBorder().Title("ratings").AddColumns("rater", "role", "answer", "answered at", "tool", "position", "earlier answers");
            foreach (var r in label.Ratings)
            {
                var history = string.Join("; ", r.History.Select(h => $"{h.Answer} at {h.AnsweredAt:u} (#{h.Position})"));
                ratings.AddRow(Markup.Escape(r.RaterId), r.Role, Answer(r.Answer), r.AnsweredAt.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(r.ToolId), r.Position.ToString(CultureInfo.InvariantCulture), Markup.Escape(history.Length == 0 ? "–" : history));
            }

            if (label.Ratings.Count > 0)
            {
                AnsiConsole.Write(ratings);
            }

            if (label.RaterModels.Count > 0)
            {
                var models = new Table().RoundedBorder().Title("raters' estimated confusion matrices P(answer | truth): no / maybe / yes").AddColumns("rater", "votes", "label does not fit", "label fits");
                foreach (var m in label.RaterModels)
                {
                    models.AddRow(Markup.Escape(m.RaterId), m.Votes.ToString(CultureInfo.InvariantCulture), Row(m.GivenNotFits), Row(m.GivenFits));
                }

                AnsiConsole.Write(models);
            }
        }

        var events = new Table().RoundedBorder().Title("events (log order)").AddColumns("position", "stream", "rev", "type", "hash");
        foreach (var e in x.Events)
        {
            events.AddRow(e.Position.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Stream), e.Revision.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Type), e.Hash[..16] + "…");
        }

        AnsiConsole.Write(events);
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    private static string Row(IReadOnlyList<double> p) => string.Join(" / ", p.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)));

    private static string Answer(string answer) => answer switch { "yes" => "[green]yes[/]", "no" => "[red]no[/]", _ => "[yellow]maybe[/]" };
}
