using System.Globalization;
using Real.Reporting.Evaluation;
using Real.Reporting.Reports.Plots;
using static Real.Reporting.Reports.Html.Html;

namespace Real.Reporting.Reports.Html;

/// <summary>One method per report section: its plot (inline SVG) and the numbers behind it in tables.</summary>
internal static class ReportSections
{
    public static string Scores(ReportModel model)
    {
        if (model.Scores is not { Count: > 0 } scores)
        {
            return Empty("scores", "Question scores", $"Label set '{model.LabelSet.Id}' carries no per-question scores (imported sets have labels only).");
        }

        var counts = ScoreHistogramPlot.Count(scores);
        var threshold = model.LabelSet.Threshold;
        var rows = counts.Select((c, i) => (IReadOnlyList<string>)[
            string.Create(CultureInfo.InvariantCulture, $"{i / 20.0:0.00}–{(i + 1) / 20.0:0.00}"),
            Int(c),
            Pct((double)c / scores.Count)]);
        var above = threshold is { } t ? scores.Count(s => s >= t) : 0;
        var facts = Facts([
            ("questions scored", Int(scores.Count)),
            ("threshold", threshold is { } th ? Num(th) : "–"),
            ("at or above threshold", threshold is null ? "–" : $"{Int(above)} ({Pct((double)above / scores.Count)})"),
            ("median score", Num(Median(scores), "0.000")),
        ]);
        return Section(
            "scores",
            "Question scores",
            "Each rated (image, label) question gets a posterior probability that the label fits. A label enters the image's set when its score reaches the threshold (dashed line).",
            ScoreHistogramPlot.Render(scores, threshold),
            facts + Table(["score bin", "questions", "share"], rows));
    }

    public static string Golden(ReportModel model)
    {
        if (model.Golden is not { } golden)
        {
            return Empty("golden", "Precision and recall against the experts", "No golden expert answers in the store, or the label set has no scores: import the ReaL votes (golden.npz) to see this section.");
        }

        var op = golden.OperatingPoint;
        var thresholds = new[] { 0.5, 0.6, 0.7, 0.8, 0.9, 0.95 };
        var rows = thresholds.Select(t => golden.Curve.Where(p => p.Threshold >= t).MinBy(p => p.Threshold))
            .Where(p => p is not null)
            .Select(p => (IReadOnlyList<string>)[Num(p!.Threshold, "0.000"), Pct(p.Precision), Pct(p.Recall), Num(p.F1, "0.000"), Int(p.PredictedPositive)]);
        var facts = Facts([
            ("golden questions", Int(golden.Questions)),
            ("experts say the label fits", Int(golden.ExpertPositives)),
            ("chosen threshold", Num(op.Threshold)),
            ("precision at threshold", $"<b>{Pct(op.Precision)}</b>"),
            ("recall at threshold", $"<b>{Pct(op.Recall)}</b>"),
            ("F1", Num(op.F1, "0.000")),
        ]);
        return Section(
            "golden",
            "Precision and recall against the experts",
            "The label set judged on the golden questions, where the truth is the majority of the expert raters. The curve sweeps the score threshold; the diamond is the label set as published at its chosen threshold.",
            PrecisionRecallPlot.Render(golden),
            facts + Table(["lowest score ≥", "precision", "recall", "F1", "labels"], rows, "Along the curve"));
    }

    public static string Models(ReportModel model)
    {
        var rows = model.Models.Select(m => (IReadOnlyList<string>)[
            $"<b>{E(m.ModelId)}</b>", Pct(m.OriginalTop1), Pct(m.OriginalTop5), Pct(m.ReaLTop1), Pct(m.ReaLTop5), Pct(m.ReaLTop1MultiLabel), SignedPoints(m.MarginOverOracle), Int(m.EvaluatedImages)]);
        var table = Table(["model", "orig. top-1", "orig. top-5", "ReaL top-1", "ReaL top-5", "ReaL top-1 multi-label", "vs. oracle", "images"], rows, "Models");
        string regression;
        if (model.Regression is { } r && model.RegressionModels is { } fitted)
        {
            regression = Facts([
                ("models in the fit", $"{Int(r.Points)} ({E(string.Join(", ", fitted))})"),
                ("slope", Num(r.Slope, "0.000")),
                ("intercept", Num(r.Intercept, "0.000")),
                ("Pearson r", Num(r.R, "0.000")),
                ("p-value (slope ≠ 0, two-sided)", r.PValue < 1e-4 ? r.PValue.ToString("0.0e0", CultureInfo.InvariantCulture) : Num(r.PValue, "0.0000")),
            ]);
        }
        else
        {
            regression = Notice($"The regression needs at least 3 models with different original accuracies; {model.Models.Count} evaluated. Add prediction files with `./real report --predictions DIR`, or the models' stored predictions with `--predictions stored`.");
        }

        var partial = string.Concat(model.Models.Where(m => m.PredictedImages < m.Images)
            .Select(m => Notice($"{m.ModelId} predicted {Int(m.PredictedImages)} of {Int(m.Images)} images; the others count as wrong.")));

        return Section(
            "models",
            "ReaL vs. original accuracy",
            "Each model's top-1 accuracy on the original labels against its ReaL accuracy. The paper found gains on the original labels translate into smaller gains under ReaL (slope below 1). \"vs. oracle\" is the model's original-label accuracy minus that of an unbiased oracle picking uniformly among each image's valid labels (positive: the model prefers ImageNet's pick).",
            AccuracyScatterPlot.Render(model.Models, model.Regression),
            "<h3 class=\"sub\">Regression of ReaL top-1 on original top-1</h3>" + regression,
            partial + table);
    }

    public static string PerClass(ReportModel model)
    {
        var reference = model.Models[0];
        var classes = reference.PerClass.Where(c => c.EvaluatedImages > 0).ToList();
        string Name(int c) => $"{E(c < model.ClassNames.Count ? model.ClassNames[c] : $"#{c}")} <span class=\"mono\">({c})</span>";
        var hardest = classes.OrderBy(c => c.ReaLTop1).ThenBy(c => c.ClassIndex).Take(10)
            .Select(c => (IReadOnlyList<string>)[Name(c.ClassIndex), Int(c.EvaluatedImages), Pct(c.ReaLTop1), Pct(c.OriginalTop1)]);
        var biased = classes.OrderByDescending(c => c.MarginOverOracle).ThenBy(c => c.ClassIndex).Take(10)
            .Select(c => (IReadOnlyList<string>)[Name(c.ClassIndex), Pct(c.OriginalTop1OnEvaluated), Pct(c.OracleOriginalTop1), SignedPoints(c.MarginOverOracle)]);
        var above = classes.Count(c => c.MarginOverOracle > 0);
        var facts = Facts([
            ("reference model", E(reference.ModelId)),
            ("classes with evaluated images", Int(classes.Count)),
            ("mean per-class ReaL top-1", Pct(classes.Count == 0 ? double.NaN : classes.Average(c => c.ReaLTop1))),
            ("classes above the oracle", $"{Int(above)} of {Int(classes.Count)}"),
        ]);
        return Section(
            "per-class",
            "Per-class accuracy",
            $"Accuracy of <b>{E(reference.ModelId)}</b> for each class (grouped by original label), classes sorted by ReaL top-1. The green line is the unbiased oracle's expected accuracy on the original labels.",
            PerClassAccuracyPlot.Render(reference),
            facts
                + Table(["class", "images", "ReaL top-1", "original top-1"], hardest, "Hardest classes (ReaL top-1)")
                + Table(["class", "original top-1", "oracle", "margin"], biased, "Largest margin over the unbiased oracle"));
    }

    public static string Diff(ReportModel model)
    {
        if (model.Diff is not { } diff || model.SetSizes is not { } sizes)
        {
            return Empty("diff", "Label-set differences", "Nothing to compare with: this is the first label set.");
        }

        var facts = Facts([
            ("from", $"<code>{E(diff.From)}</code>"),
            ("to", $"<code>{E(diff.To)}</code>"),
            ("images compared", Int(diff.Images)),
            ("images whose set changed", $"<b>{Int(diff.ChangedImages)}</b> ({Pct((double)diff.ChangedImages / Math.Max(1, diff.Images))})"),
            ("labels added", $"<span class=\"added\">+{Int(diff.LabelsAdded)}</span>"),
            ("labels removed", $"<span class=\"minus\">−{Int(diff.LabelsRemoved)}</span>"),
            ("images newly excluded (empty set)", Int(diff.NewlyExcluded)),
            ("images newly included", Int(diff.NewlyIncluded)),
        ]);
        var sizeRows = Enumerable.Range(0, Math.Max(sizes.From.Count, sizes.To.Count)).Select(i => (IReadOnlyList<string>)[
            i == sizes.From.Count - 1 ? $"{i}+" : $"{i}",
            Int(i < sizes.From.Count ? sizes.From[i] : 0),
            Int(i < sizes.To.Count ? sizes.To[i] : 0)]);
        return Section(
            "diff",
            "Label-set differences",
            $"How <code>{E(diff.To)}</code> differs from <code>{E(diff.From)}</code>, image by image.",
            LabelSetDiffPlot.Render(diff.From, sizes.From, diff.To, sizes.To),
            facts + Table(["labels per image", diff.From, diff.To], sizeRows));
    }

    private static string Empty(string id, string title, string why) =>
        $"<section id=\"{id}\"><h2>{E(title)}</h2>{Notice(why)}</section>";

    private static string SignedPoints(double value) =>
        double.IsNaN(value) ? "–" : (value >= 0 ? "+" : "−") + Math.Abs(value * 100).ToString("F1", CultureInfo.InvariantCulture) + " pt";

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
