using System.Text.RegularExpressions;
using Real.Reporting.Reports.Html;
using Real.Reporting.Tests.Support;

namespace Real.Reporting.Tests.Reports;

public sealed partial class HtmlReportWriterTests
{
    [Fact]
    public void The_report_holds_five_inline_plots_with_tables_and_headline_numbers()
    {
        var model = SyntheticReport.Build();

        var html = HtmlReportWriter.Render(model);

        Assert.Equal(5, SvgTag().Matches(html).Count);
        foreach (var id in new[] { "summary", "scores", "golden", "models", "per-class", "diff" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }

        Assert.True(Regex.Matches(html, "<table class=\"data\">").Count >= 6, "every plot has a data table beside it");
        var reference = model.Models[0];
        Assert.Contains(Html.Pct(reference.ReaLTop1), html, StringComparison.Ordinal);
        Assert.Contains(Html.Pct(model.Golden!.OperatingPoint.Precision), html, StringComparison.Ordinal);
        Assert.Contains(Html.Num(model.Regression!.Slope, "0.000"), html, StringComparison.Ordinal);
        Assert.Contains("efficientnet-b7", html, StringComparison.Ordinal);
        Assert.Contains("threshold 0.8", html, StringComparison.Ordinal);
        Assert.Contains("verified", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_is_self_contained()
    {
        var html = HtmlReportWriter.Render(SyntheticReport.Build());

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Missing_parts_are_explained_instead_of_drawn_empty()
    {
        var model = SyntheticReport.Build() with { Scores = null, Golden = null, Diff = null, SetSizes = null, Regression = null, Integrity = null };

        var html = HtmlReportWriter.Render(model);

        Assert.Equal(2, SvgTag().Matches(html).Count); // the scatter and the per-class plot
        Assert.Contains("carries no per-question scores", html, StringComparison.Ordinal);
        Assert.Contains("No golden expert answers", html, StringComparison.Ordinal);
        Assert.Contains("Nothing to compare with", html, StringComparison.Ordinal);
        Assert.Contains("needs at least 3 models", html, StringComparison.Ordinal);
        Assert.Contains("not checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_integrity_check_is_shown_with_the_first_bad_position()
    {
        var model = SyntheticReport.Build() with { Integrity = new Real.Reporting.Reports.IntegritySummary(false, 99, 42, "hash mismatch") };

        Assert.Contains("FAILED at position 42", HtmlReportWriter.Render(model), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_data_is_html_encoded()
    {
        var model = SyntheticReport.Build() with { Title = "<script>alert(1)</script>" };

        var html = HtmlReportWriter.Render(model);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<svg[ >]")]
    private static partial Regex SvgTag();

    [GeneratedRegex("(src|href)=\"(https?:)?//")]
    private static partial Regex ExternalReference();
}
