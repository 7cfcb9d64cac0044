using System.Globalization;
using System.Text;
using static Real.Reporting.Reports.Html.Html;

namespace Real.Reporting.Reports.Html;

/// <summary>
/// Renders a <see cref="ReportModel"/> as one self-contained HTML file: CSS inline, every plot inline SVG, no
/// scripts, no external files, so it can be mailed or archived as it is.
/// </summary>
public static class HtmlReportWriter
{
    public static string Render(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Models.Count == 0)
        {
            throw new ArgumentException("A report needs at least one evaluated model (e.g. the original labels).", nameof(model));
        }

        var sb = new StringBuilder(256 * 1024);
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(E(model.Title)).Append("</title><style>").Append(ReportStyles.Css).Append("</style></head><body>");
        sb.Append("<header class=\"top\"><h1>").Append(E(model.Title)).Append("</h1><div class=\"meta\">")
          .Append("Label set <b>").Append(E(model.LabelSet.Id)).Append("</b> · generated ")
          .Append(E(model.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append(" · ")
          .Append(E(model.Source)).Append(" · integrity ").Append(IntegrityBadge(model.Integrity)).Append("</div></header>");
        sb.Append("<nav class=\"sections\"><a href=\"#summary\">Summary</a><a href=\"#scores\">Scores</a><a href=\"#golden\">Precision–recall</a>")
          .Append("<a href=\"#models\">ReaL vs. original</a><a href=\"#per-class\">Per class</a><a href=\"#diff\">Differences</a></nav><main>");
        sb.Append(Summary(model));
        sb.Append(ReportSections.Scores(model));
        sb.Append(ReportSections.Golden(model));
        sb.Append(ReportSections.Models(model));
        sb.Append(ReportSections.PerClass(model));
        sb.Append(ReportSections.Diff(model));
        sb.Append("</main><footer>Real · every number above is recomputable from the event log (")
          .Append(E(model.Source)).Append(")</footer></body></html>");
        return sb.ToString();
    }

    private static string Summary(ReportModel model)
    {
        var reference = model.Models[0];
        var stats = model.LabelSet.Statistics;
        var cards = new StringBuilder("<div class=\"cards\">");
        cards.Append(Card($"ReaL top-1 · {reference.ModelId}", Pct(reference.ReaLTop1), $"original top-1 {Pct(reference.OriginalTop1)}"));
        cards.Append(Card("images evaluated", Int(stats.EvaluatedImages), $"{Int(stats.ExcludedImages)} excluded (empty set)"));
        cards.Append(Card("multi-label share", Pct(stats.MultiLabelShare), $"{Num(stats.MeanLabelsPerImage, "0.00")} labels per image"));
        if (model.Golden is { } golden)
        {
            cards.Append(Card("precision / recall vs. experts", $"{Pct(golden.OperatingPoint.Precision)} / {Pct(golden.OperatingPoint.Recall)}", $"{Int(golden.Questions)} golden questions"));
        }

        cards.Append(Card("models evaluated", Int(model.Models.Count), model.Regression is { } r ? $"slope {Num(r.Slope, "0.00")}, r {Num(r.R, "0.00")}" : "regression needs ≥ 3"));
        cards.Append("</div>");
        var ls = model.LabelSet;
        var parameters = ls.Parameters.Count == 0 ? "–" : string.Join(", ", ls.Parameters.Select(p => $"<code>{E(p.Key)}={E(p.Value)}</code>"));
        var facts = Facts([
            ("label set", $"<code>{E(ls.Id)}</code> ({E(ls.Kind)})"),
            ("rule", $"{E(ls.Rule)} <span class=\"mono\">{E(ls.RuleVersion)}</span>"),
            ("parameters", parameters),
            ("threshold", ls.Threshold is { } t ? Num(t) : "–"),
            ("images", $"{Int(stats.Images)} ({Int(stats.EvaluatedImages)} evaluated, {Int(stats.MultiLabelImages)} with several labels)"),
            ("last event position", ls.Position is { } p ? Int(p) : "–"),
            ("store integrity", IntegrityBadge(model.Integrity) + (model.Integrity is { } i ? " " + E(i.Message) : string.Empty)),
        ]);
        return $"<section id=\"summary\"><h2>Summary</h2>{cards}{facts}</section>";
    }

    private static string IntegrityBadge(IntegritySummary? integrity) => integrity switch
    {
        null => "<span class=\"badge unknown\">not checked</span>",
        { Ok: true } => $"<span class=\"badge ok\">verified · {Int(integrity.CheckedEvents)} events</span>",
        _ => $"<span class=\"badge bad\">FAILED at position {(integrity.FirstBadPosition is { } p ? Int(p) : "?")}</span>",
    };
}
