using System.Globalization;
using Real.Reporting.Evaluate;
using Real.Reporting.Evaluation;
using Spectre.Console;

namespace Real.Cli.Commands.Reporting;

/// <summary>Human-readable output of `real evaluate`.</summary>
internal static class EvaluationTables
{
    public static void Write(EvaluationRun run, bool perClass, EvaluationDataset dataset)
    {
        var ls = run.LabelSet;
        AnsiConsole.MarkupLineInterpolated($"Label set [bold]{run.LabelSetId}[/]: {ls.Images:N0} images, {ls.EvaluatedImages:N0} evaluated, {ls.ExcludedImages:N0} excluded, multi-label share {P(ls.MultiLabelShare)}");
        var table = new Table().RoundedBorder().AddColumn("model")
            .AddColumn(new TableColumn("ReaL top-1").RightAligned()).AddColumn(new TableColumn("ReaL top-5").RightAligned())
            .AddColumn(new TableColumn("original top-1").RightAligned()).AddColumn(new TableColumn("original top-5").RightAligned())
            .AddColumn(new TableColumn("ReaL top-1 multi-label").RightAligned()).AddColumn(new TableColumn("vs. unbiased oracle").RightAligned())
            .AddColumn(new TableColumn("evaluated").RightAligned());
        foreach (var m in run.Models)
        {
            table.AddRow(Markup.Escape(m.ModelId), $"[bold]{P(m.ReaLTop1)}[/]", P(m.ReaLTop5), P(m.OriginalTop1), P(m.OriginalTop5), P(m.ReaLTop1MultiLabel), Points(m.MarginOverOracle), m.EvaluatedImages.ToString("N0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        foreach (var m in run.Models.Where(m => m.PredictedImages < m.Images))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{m.ModelId} predicted {m.PredictedImages:N0} of {m.Images:N0} images; the others count as wrong.[/]");
        }

        if (run.Regression is { } r)
        {
            AnsiConsole.MarkupLineInterpolated($"Regression of ReaL top-1 on original top-1 over {r.Points} models: slope {r.Slope:0.000}, intercept {r.Intercept:0.000}, r {r.R:0.000}, p {r.PValue:0.####e0}");
        }

        if (perClass)
        {
            var reference = run.Models[0];
            var hardest = new Table().RoundedBorder().Title($"hardest classes for {Markup.Escape(reference.ModelId)}").AddColumns("class", "images", "ReaL top-1", "original top-1", "oracle");
            foreach (var c in reference.PerClass.Where(c => c.EvaluatedImages > 0).OrderBy(c => c.ReaLTop1).Take(10))
            {
                hardest.AddRow($"{Markup.Escape(dataset.ClassName(c.ClassIndex))} ({c.ClassIndex})", c.EvaluatedImages.ToString(CultureInfo.InvariantCulture), P(c.ReaLTop1), P(c.OriginalTop1), P(c.OracleOriginalTop1));
            }

            AnsiConsole.Write(hardest);
        }
    }

    private static string P(double value) => double.IsNaN(value) ? "–" : (value * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

    private static string Points(double value) => (value >= 0 ? "+" : "−") + Math.Abs(value * 100).ToString("F2", CultureInfo.InvariantCulture) + " pt";
}
