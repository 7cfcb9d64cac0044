using ScottPlot;
using Real.Reporting.Evaluation;

namespace Real.Reporting.Reports.Plots;

/// <summary>
/// Per-class accuracies of the reference model, classes sorted by ReaL top-1: ReaL top-1, original top-1 and the
/// unbiased oracle's original accuracy, so the classes where the model beats the oracle stand out.
/// </summary>
public static class PerClassAccuracyPlot
{
    public static string Render(ModelEvaluation model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var classes = model.PerClass.Where(c => c.EvaluatedImages > 0).OrderBy(c => c.ReaLTop1).ThenBy(c => c.OriginalTop1OnEvaluated).ToArray();
        var plot = PlotTheme.Create($"Per-class accuracy of {model.ModelId}", "classes, sorted by ReaL top-1", "accuracy");
        var rank = Enumerable.Range(0, classes.Length).Select(i => (double)i).ToArray();
        Add(plot, rank, [.. classes.Select(c => c.OriginalTop1OnEvaluated)], PlotTheme.Gray, "original top-1", 1.2f);
        Add(plot, rank, [.. classes.Select(c => c.OracleOriginalTop1)], PlotTheme.Green, "unbiased oracle (original labels)", 1.2f);
        Add(plot, rank, [.. classes.Select(c => c.ReaLTop1)], PlotTheme.Blue, "ReaL top-1", 2.5f);
        plot.Axes.SetLimits(0, Math.Max(1, classes.Length - 1), 0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        return PlotTheme.ToSvg(plot);
    }

    private static void Add(Plot plot, double[] xs, double[] ys, Color color, string legend, float width)
    {
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = width;
        line.LegendText = legend;
    }
}
