using System.Globalization;
using System.Text;
using Real.Reporting.Audit;
using static Real.Reporting.Reports.Html.Html;

namespace Real.Reporting.Dashboard;

/// <summary>One image's derivation as HTML: the verdict per label, who proposed it, every rating, the rater models and the events.</summary>
internal static class ImageView
{
    public static string Render(ImageExplanation x)
    {
        var sb = new StringBuilder();
        var ls = x.LabelSet;
        sb.Append("<section id=\"image\"><h2>").Append(E(x.Image)).Append("</h2>");
        sb.Append(Facts([
            ("image number", Int(x.ImageIndex + 1)),
            ("original label", $"{E(x.OriginalClass)} <span class=\"mono\">({x.OriginalLabel})</span>"),
            ("label set", ls is null ? "none yet" : $"<a href=\"/labelsets/{Uri.EscapeDataString(ls.Id)}\">{E(ls.Id)}</a> — {E(ls.Rule)} <span class=\"mono\">{E(ls.RuleVersion)}</span>, threshold {(ls.Threshold is { } t ? Num(t) : "–")}"),
            ("labels in the set", x.LabelsInSet.Count == 0 ? "none (excluded from evaluation)" : string.Join(", ", x.LabelsInSet.Select(l => $"<b>{l}</b>"))),
            ("prior P(fits)", x.PriorFits is { } p ? Num(p, "0.000") : "–"),
        ]));
        sb.Append("</section>");
        foreach (var label in x.Labels)
        {
            var verdict = label.InSet switch { true => "<span class=\"badge ok\">in the set</span>", false => "<span class=\"badge bad\">not in the set</span>", null => "<span class=\"badge unknown\">no verdict</span>" };
            sb.Append("<section class=\"label\"><h2>").Append(E(label.ClassName)).Append($" <span class=\"mono\">({label.Label})</span> ").Append(verdict)
              .Append(label.IsOriginal ? " <span class=\"badge unknown\">original label</span>" : string.Empty).Append("</h2>");
            sb.Append("<p class=\"intro\">").Append(label.Score is { } s ? $"Score {Num(s, "0.0000")}" : "Not scored").Append("</p>");
            if (label.ProposedBy.Count > 0)
            {
                sb.Append(Table(["model", "rank", "logit", "probability", "position"], label.ProposedBy.Select(v => (IReadOnlyList<string>)[E(v.ModelId), Int(v.Rank), Opt(v.Logit), Opt(v.Probability), Int(v.Position)]), "Proposed by"));
            }

            if (label.Ratings.Count > 0)
            {
                sb.Append(Table(
                    ["rater", "role", "answer", "answered at", "tool", "position", "earlier answers"],
                    label.Ratings.Select(r => (IReadOnlyList<string>)[E(r.RaterId), E(r.Role), E(r.Answer), E(r.AnsweredAt.ToString("u", CultureInfo.InvariantCulture)), E(r.ToolId), Int(r.Position), r.History.Count == 0 ? "–" : E(string.Join("; ", r.History.Select(h => $"{h.Answer} at {h.AnsweredAt:u}")))]),
                    "Ratings",
                    numeric: false));
            }

            if (label.RaterModels.Count > 0)
            {
                sb.Append(Table(
                    ["rater", "votes", "P(no / maybe / yes | does not fit)", "P(no / maybe / yes | fits)"],
                    label.RaterModels.Select(m => (IReadOnlyList<string>)[E(m.RaterId), Int(m.Votes), Triple(m.GivenNotFits), Triple(m.GivenFits)]),
                    "Raters' estimated confusion matrices"));
            }

            sb.Append("</section>");
        }

        sb.Append("<section id=\"events\"><h2>Events</h2>")
          .Append(Table(["position", "stream", "revision", "type", "hash"], x.Events.Select(e => (IReadOnlyList<string>)[Int(e.Position), $"<code>{E(e.Stream)}</code>", Int(e.Revision), E(e.Type), $"<code>{E(e.Hash[..16])}…</code>"]), numeric: false))
          .Append($"<p class=\"intro\">Complete data: <a href=\"/api/images/{Uri.EscapeDataString(x.Image)}\">JSON</a>.</p></section>");
        return sb.ToString();
    }

    private static string Opt(double? value) => value is { } v ? Num(v, "0.0000") : "–";

    private static string Triple(IReadOnlyList<double> p) => string.Join(" / ", p.Select(v => Num(v, "0.000")));
}
