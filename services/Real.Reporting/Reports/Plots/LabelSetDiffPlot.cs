using ScottPlot;

namespace Real.Reporting.Reports.Plots;

/// <summary>How many images have 0, 1, 2, … labels in each of the two compared label sets (grouped bars).</summary>
public static class LabelSetDiffPlot
{
    public static string Render(string fromName, IReadOnlyList<int> from, string toName, IReadOnlyList<int> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var plot = PlotTheme.Create("Labels per image", "labels in the image's set", "images");
        var bars = new List<Bar>();
        for (var size = 0; size < Math.Max(from.Count, to.Count); size++)
        {
            bars.Add(new Bar { Position = size - 0.2, Value = size < from.Count ? from[size] : 0, Size = 0.38, FillColor = PlotTheme.Gray, LineWidth = 0 });
            bars.Add(new Bar { Position = size + 0.2, Value = size < to.Count ? to[size] : 0, Size = 0.38, FillColor = PlotTheme.Blue, LineWidth = 0 });
        }

        plot.Add.Bars(bars);
        var count = Math.Max(from.Count, to.Count);
        var ticks = Enumerable.Range(0, count).Select(i => new Tick(i, i == count - 1 ? $"{i}+" : $"{i}")).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = fromName, FillColor = PlotTheme.Gray });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = toName, FillColor = PlotTheme.Blue });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(bottom: 0);
        return PlotTheme.ToSvg(plot);
    }

    /// <summary>Images per set size 0 … <paramref name="buckets"/> − 1, the last bucket holding that size or more.</summary>
    public static int[] SetSizes(Evaluation.LabelSet labelSet, int buckets = 6)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        var counts = new int[buckets];
        for (var i = 0; i < labelSet.ImageCount; i++)
        {
            counts[Math.Min(labelSet.LabelsOf(i).Length, buckets - 1)]++;
        }

        return counts;
    }
}
