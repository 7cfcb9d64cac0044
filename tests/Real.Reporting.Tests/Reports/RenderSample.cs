using Real.Reporting.Reports.Html;
using Real.Reporting.Tests.Support;

namespace Real.Reporting.Tests.Reports;

/// <summary>Writes the synthetic report where a developer can open it: set REAL_SAMPLE_REPORT=/path/report.html.</summary>
public sealed class RenderSample
{
    [Fact]
    public void Writes_the_sample_report_when_asked()
    {
        var html = HtmlReportWriter.Render(SyntheticReport.Build());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("REAL_SAMPLE_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, html);
        }
    }
}
