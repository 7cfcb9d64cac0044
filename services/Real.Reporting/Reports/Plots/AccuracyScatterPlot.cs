using ScottPlot;
using Real.Reporting.Evaluation;

namespace Real.Reporting.Reports.Plots;

/// <summary>
/// ReaL top-1 against original top-1, one point per model, with the fitted regression line and y = x for reference
/// (points above the diagonal gain under ReaL labels).
/// </summary>
public static class AccuracyScatterPlot
{
    public static string Render(IReadOnlyList<ModelEvaluation> models, RegressionResult? regression)
    {
        ArgumentNullException.ThrowIfNull(models);
        var plot = PlotTheme.Create("ReaL vs. original accuracy", "original top-1 accuracy", "ReaL top-1 accuracy");
        var xs = models.Select(m => m.OriginalTop1).ToArray();
        var ys = models.Select(m => m.ReaLTop1).ToArray();
        var lo = Math.Max(0, Math.Min(xs.Min(), ys.Min()) - 0.03);
        var hi = Math.Min(1.01, Math.Max(xs.Max(), ys.Max()) + 0.03);
        var diagonal = plot.Add.Line(lo, lo, hi, hi);
        diagonal.Color = PlotTheme.Gray;
        diagonal.LinePattern = LinePattern.Solid;
        diagonal.LineWidth = 1.5f;
        diagonal.LegendText = "y = x";
        if (regression is not null)
        {
            var fit = plot.Add.Line(lo, regression.Predict(lo), hi, regression.Predict(hi));
            fit.Color = PlotTheme.Orange;
            fit.LineWidth = 2;
            fit.LegendText = $"fit: y = {regression.Slope:0.###}·x + {regression.Intercept:0.###} (r = {regression.R:0.###})";
        }

        var points = plot.Add.ScatterPoints(xs, ys, PlotTheme.Blue);
        points.MarkerSize = 10;
        points.LegendText = "models";
        if (models.Count <= 12)
        {
            foreach (var m in models)
            {
                var label = plot.Add.Text(m.ModelId, m.OriginalTop1, m.ReaLTop1);
                label.LabelFontSize = 11;
                label.LabelFontColor = Color.FromHex("#374151");
                var nearRightEdge = m.OriginalTop1 > hi - ((hi - lo) * 0.2);
                label.Alignment = nearRightEdge ? Alignment.LowerRight : Alignment.LowerLeft;
                label.OffsetX = nearRightEdge ? -7 : 7;
                label.OffsetY = -4;
            }
        }

        plot.Axes.SetLimits(lo, hi, lo, hi);
        plot.ShowLegend(Alignment.LowerRight);
        return PlotTheme.ToSvg(plot);
    }
}
