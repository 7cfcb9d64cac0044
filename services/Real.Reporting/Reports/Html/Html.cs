using System.Globalization;
using System.Net;
using System.Text;

namespace Real.Reporting.Reports.Html;

/// <summary>Small helpers for server-side HTML: encoding, tables, number formats. Shared by the report and the dashboard.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Pct(double value, int decimals = 1) =>
        double.IsNaN(value) ? "–" : (value * 100).ToString($"F{decimals}", CultureInfo.InvariantCulture) + "%";

    public static string Num(double value, string format = "0.####") =>
        double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A table; cells are raw HTML (encode text with <see cref="E"/>). Columns after the first are right-aligned numbers unless marked.</summary>
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null, bool numeric = true)
    {
        var sb = new StringBuilder();
        sb.Append("<table class=\"data\">");
        if (caption is not null)
        {
            sb.Append("<caption>").Append(E(caption)).Append("</caption>");
        }

        sb.Append("<thead><tr>");
        for (var i = 0; i < headers.Count; i++)
        {
            sb.Append(i > 0 && numeric ? "<th class=\"n\">" : "<th>").Append(E(headers[i])).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                sb.Append(i > 0 && numeric ? "<td class=\"n\">" : "<td>").Append(row[i]).Append("</td>");
            }

            sb.Append("</tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>A two-column key/value table.</summary>
    public static string Facts(IEnumerable<(string Key, string ValueHtml)> facts) =>
        "<table class=\"facts\"><tbody>" + string.Concat(facts.Select(f => $"<tr><th>{E(f.Key)}</th><td>{f.ValueHtml}</td></tr>")) + "</tbody></table>";

    public static string Card(string label, string value, string? note = null) =>
        $"<div class=\"card\"><div class=\"card-value\">{E(value)}</div><div class=\"card-label\">{E(label)}</div>{(note is null ? string.Empty : $"<div class=\"card-note\">{E(note)}</div>")}</div>";

    /// <summary>A report section: intro, the plot with its tables beside it, and optionally a full-width table below.</summary>
    public static string Section(string id, string title, string intro, string figureHtml, string tablesHtml, string? belowHtml = null) =>
        $"<section id=\"{id}\"><h2>{E(title)}</h2><p class=\"intro\">{intro}</p><div class=\"pair\"><figure>{figureHtml}</figure><div class=\"tables\">{tablesHtml}</div></div>{belowHtml}</section>";

    public static string Notice(string text) => $"<div class=\"notice\">{E(text)}</div>";
}
