using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Real.Reporting.Reports.Plots;

/// <summary>One look for every plot: colours, fonts, grid, and SVG output that scales with its container.</summary>
internal static partial class PlotTheme
{
    public static readonly Color Blue = Color.FromHex("#2563eb");
    public static readonly Color Orange = Color.FromHex("#ea580c");
    public static readonly Color Green = Color.FromHex("#16a34a");
    public static readonly Color Gray = Color.FromHex("#6b7280");
    public static readonly Color Red = Color.FromHex("#dc2626");
    public static readonly Color LightBlue = Color.FromHex("#93c5fd");

    /// <summary>Installed with Debian's fonts-dejavu (a chromium dependency); the SVG names fallbacks for other machines.</summary>
    public const string FontName = "DejaVu Sans";

    public const int Width = 720;
    public const int Height = 420;

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 17);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Color.FromHex("#111827");
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Color.FromHex("#fbfbfd");
        plot.Grid.MajorLineColor = Color.FromHex("#e5e7eb");
        plot.Axes.Color(Color.FromHex("#374151"));
        plot.Axes.Frame(false);
        plot.Axes.Bottom.FrameLineStyle.Width = 1;
        plot.Axes.Left.FrameLineStyle.Width = 1;
        return plot;
    }

    /// <summary>The plot as inline SVG whose size follows its container (viewBox instead of fixed pixels).</summary>
    public static string ToSvg(Plot plot, int width = Width, int height = Height)
    {
        var svg = plot.GetSvgXml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start > 0 ? svg[start..] : svg;
        var size = string.Create(CultureInfo.InvariantCulture, $" width=\"{width}\" height=\"{height}\">");
        var end = svg.IndexOf('>', StringComparison.Ordinal);
        var head = svg[..(end + 1)].Replace(size, string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" class=\"plot\">"), StringComparison.Ordinal);
        return head + FontFamily().Replace(svg[(end + 1)..], "font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, sans-serif\"");
    }

    public static string Percent(double value) => double.IsNaN(value) ? "–" : value.ToString("P1", CultureInfo.InvariantCulture);

    [GeneratedRegex("font-family=\"[^\"]*\"")]
    private static partial Regex FontFamily();
}
