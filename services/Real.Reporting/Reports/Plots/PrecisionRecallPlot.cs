using ScottPlot;
using Real.Reporting.Evaluation;

namespace Real.Reporting.Reports.Plots;

/// <summary>Precision against recall on the golden questions over all thresholds, the chosen operating point marked.</summary>
public static class PrecisionRecallPlot
{
    public static string Render(GoldenEvaluation golden)
    {
        ArgumentNullException.ThrowIfNull(golden);
        var plot = PlotTheme.Create("Precision–recall vs. expert answers", "recall", "precision");
        var curve = golden.Curve.OrderBy(p => p.Recall).ThenByDescending(p => p.Precision).ToArray();
        var line = plot.Add.ScatterLine(curve.Select(p => p.Recall).ToArray(), curve.Select(p => p.Precision).ToArray(), PlotTheme.Blue);
        line.LineWidth = 2.5f;
        line.LegendText = "label scores, all thresholds";
        var op = golden.OperatingPoint;
        var point = plot.Add.Scatter(op.Recall, op.Precision, PlotTheme.Orange);
        point.MarkerSize = 14;
        point.MarkerShape = MarkerShape.FilledDiamond;
        point.LegendText = $"chosen threshold {op.Threshold:0.##}: P {op.Precision:P1}, R {op.Recall:P1}";
        plot.Axes.SetLimits(0, 1.02, Math.Max(0, Math.Min(0.5, curve.Min(p => p.Precision) - 0.05)), 1.02);
        plot.ShowLegend(Alignment.LowerLeft);
        return PlotTheme.ToSvg(plot);
    }
}
