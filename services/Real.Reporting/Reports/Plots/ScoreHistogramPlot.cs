using ScottPlot;

namespace Real.Reporting.Reports.Plots;

/// <summary>Histogram of the label set's question scores (20 bins over [0, 1]) with the threshold marked.</summary>
public static class ScoreHistogramPlot
{
    public const int Bins = 20;

    /// <summary>Counts per bin; bin i holds scores in [i/20, (i+1)/20), the last bin includes 1.</summary>
    public static int[] Count(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var counts = new int[Bins];
        foreach (var score in scores)
        {
            counts[Math.Clamp((int)(score * Bins), 0, Bins - 1)]++;
        }

        return counts;
    }

    public static string Render(IReadOnlyList<double> scores, double? threshold)
    {
        var counts = Count(scores);
        var plot = PlotTheme.Create("Question scores", "score (posterior probability the label fits)", "questions");
        var bars = counts.Select((c, i) => new Bar
        {
            Position = (i + 0.5) / Bins,
            Value = c,
            Size = 1.0 / Bins * 0.92,
            FillColor = threshold is { } t && (i + 0.5) / Bins >= t ? PlotTheme.Blue : PlotTheme.LightBlue,
            LineWidth = 0,
        }).ToArray();
        plot.Add.Bars(bars);
        if (threshold is { } th)
        {
            var line = plot.Add.VerticalLine(th, 2, PlotTheme.Orange, LinePattern.Solid);
            line.LabelText = $"threshold {th:0.##}";
            line.LabelOppositeAxis = true;
            line.LabelFontColor = PlotTheme.Orange;
            line.LabelBackgroundColor = Colors.White;
        }

        plot.Axes.SetLimitsX(0, 1);
        plot.Axes.Margins(bottom: 0);
        return PlotTheme.ToSvg(plot);
    }
}
