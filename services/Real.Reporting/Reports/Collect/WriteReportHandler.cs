using Real.Reporting.Reports.Html;

namespace Real.Reporting.Reports.Collect;

/// <summary>Collects the report and writes it as DIR/index.html, atomically (a reader never sees half a file).</summary>
public sealed class WriteReportHandler(ReportingContext context, TimeProvider? clock = null)
{
    public const string FileName = "index.html";

    public async Task<(string Path, ReportModel Model)> HandleAsync(ReportRequest request, string outDirectory, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(outDirectory);
        var model = await new ReportCollector(context, clock).CollectAsync(request, progress, cancellationToken);
        progress?.Invoke("Rendering the plots and writing HTML");
        var html = HtmlReportWriter.Render(model);
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, FileName);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, html, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return (Path.GetFullPath(path), model);
    }
}
