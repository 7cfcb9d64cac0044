using Real.Reporting.Reports.Html;
using static Real.Reporting.Reports.Html.Html;

namespace Real.Reporting.Dashboard;

/// <summary>The dashboard's page frame: header with navigation and the image search box, the same CSS as the report.</summary>
internal static class DashboardPage
{
    public static string Render(string title, string body, string? query = null) =>
        $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} · Real</title><style>{ReportStyles.Css}</style></head><body>
        <header class="top"><h1><a href="/" style="color:inherit;text-decoration:none">Real</a> · {E(title)}</h1>
        <div class="meta">Label sets, derivations and differences, straight from the event log</div></header>
        <nav class="sections"><a href="/">Label sets</a>
        <form class="search" action="/search" method="get" style="display:inline">
        <input type="search" name="q" id="search" placeholder="Image file name or number, e.g. ILSVRC2012_val_00000001.JPEG" value="{E(query)}" aria-label="Search images">
        <button type="submit">Find image</button></form></nav>
        <main>{body}</main><footer>Real dashboard · read-only</footer></body></html>
        """;
}
