using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Real.Reporting.Audit;
using Real.Reporting.Evaluation.LabelSets;

namespace Real.Reporting.Dashboard;

/// <summary>
/// `real serve`: a small read-only web dashboard on 127.0.0.1 (Kestrel, server-rendered HTML, no scripts): label-set
/// versions, one image's derivation, differences between two sets, and a search box for image file names.
/// </summary>
public static class DashboardServer
{
    public static WebApplication Build(ReportingContext context, int port)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapDashboard(context);
        return app;
    }

    /// <summary>
    /// Maps the dashboard's pages and JSON onto an app: `real serve` above, and the reporting service process
    /// (`real service reporting`), which serves them beside /health.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app, ReportingContext context)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(context);
        var cache = new ConcurrentDictionary<string, Task<LoadedLabelSet>>(StringComparer.Ordinal);
        var pages = new DashboardPages(context, cache);

        app.MapGet("/", (CancellationToken ct) => Html(pages.IndexAsync(ct)));
        app.MapGet("/labelsets/{id}", (string id, CancellationToken ct) => Html(pages.LabelSetAsync(id, ct)));
        app.MapGet("/diff", (string? from, string to, CancellationToken ct) => Html(pages.DiffAsync(from, to, ct)));
        app.MapGet("/images/{file}", (string file, string? labelset, CancellationToken ct) => Html(pages.ImageAsync(file, labelset ?? LabelSetCatalog.Latest, ct)));
        app.MapGet("/search", (string? q, CancellationToken ct) => pages.SearchAsync(q, ct));
        app.MapGet("/api/images/{file}", async (string file, string? labelset, CancellationToken ct) =>
            Results.Text(JsonSerializer.Serialize(await new ExplainImageHandler(context).HandleAsync(new ExplainImage(file, null, labelset ?? LabelSetCatalog.Latest), ct), ExplainJson.Options), "application/json"));
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    private static async Task<IResult> Html(Task<string> page)
    {
        try
        {
            return Results.Content(await page, "text/html; charset=utf-8");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or KeyNotFoundException)
        {
            return Results.Content(DashboardPage.Render("Not found", Reports.Html.Html.Notice(ex.Message)), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
    }
}
