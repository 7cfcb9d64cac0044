using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.LabelSets;
using Real.Reporting.Reports;
using Real.Reporting.Reports.Plots;

namespace Real.Reporting.Tests.Support;

/// <summary>A seeded, synthetic but realistic report model: 2,000 images, 40 classes, 4 models, scores, golden answers, a diff.</summary>
internal static class SyntheticReport
{
    public static ReportModel Build(int seed = 11)
    {
        var random = new Random(seed);
        const int images = 2_000, classes = 40;
        var original = Enumerable.Range(0, images).Select(_ => random.Next(classes)).ToArray();
        var sets = new List<IReadOnlyList<int>>();
        var scores = new List<double>();
        var golden = new List<(double, bool)>();
        for (var i = 0; i < images; i++)
        {
            var set = new List<int>();
            foreach (var candidate in new[] { original[i], random.Next(classes), random.Next(classes) }.Distinct())
            {
                var fits = candidate == original[i] ? random.NextDouble() < 0.9 : random.NextDouble() < 0.25;
                var score = fits ? 1 - (random.NextDouble() * random.NextDouble() * 0.6) : random.NextDouble() * random.NextDouble() * 0.7;
                scores.Add(score);
                if (score >= 0.8)
                {
                    set.Add(candidate);
                }

                if (i % 10 == 0)
                {
                    golden.Add((score, random.NextDouble() < 0.93 ? fits : !fits));
                }
            }

            sets.Add(set);
        }

        var labelSet = new LabelSet("v3-dawid-skene", sets);
        var previous = new LabelSet("v2-majority", sets.Select((s, i) => i % 9 == 0 ? (IReadOnlyList<int>)[original[i]] : s).ToList());
        var models = new List<ModelEvaluation> { ModelEvaluator.Evaluate(labelSet, original, TopKPredictions.FromTop1("original-labels", original), classes) };
        foreach (var (name, skill) in new[] { ("resnet-50", 0.76), ("vit-b16", 0.81), ("efficientnet-b7", 0.84), ("bit-m-r152", 0.87) })
        {
            var ranked = new int[images * 5];
            for (var i = 0; i < images; i++)
            {
                var first = random.NextDouble() < skill ? original[i] : (sets[i].Count > 1 && random.NextDouble() < 0.5 ? sets[i][1] : random.Next(classes));
                var row = new List<int> { first };
                while (row.Count < 5)
                {
                    var next = random.Next(classes);
                    if (!row.Contains(next))
                    {
                        row.Add(next);
                    }
                }

                row.CopyTo(ranked, i * 5);
            }

            models.Add(ModelEvaluator.Evaluate(labelSet, original, new TopKPredictions(name, 5, ranked), classes));
        }

        var others = models.Skip(1).ToList();
        var curve = PrecisionRecall.Curve(golden);
        var operating = PrecisionRecall.At([.. golden.Select(g => (g.Item1 >= 0.8, g.Item2))], 0.8);
        return new ReportModel
        {
            Title = "ReaL labels report",
            GeneratedAt = new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero),
            Source = "synthetic test data",
            LabelSet = new LabelSetDescription("v3-dawid-skene", "version", "dawid-skene", "1.0", new Dictionary<string, string> { ["threshold"] = "0.8" }, 0.8, labelSet.Statistics, 1234),
            ClassNames = [.. Enumerable.Range(0, classes).Select(c => $"class {c}")],
            Integrity = new IntegritySummary(true, 1234, null, "hash chain intact"),
            Scores = scores,
            Golden = new GoldenEvaluation(golden.Count, golden.Count(g => g.Item2), curve, operating),
            Models = models,
            Regression = LinearRegression.Fit([.. others.Select(m => m.OriginalTop1)], [.. others.Select(m => m.ReaLTop1)]),
            RegressionModels = [.. others.Select(m => m.ModelId)],
            Diff = LabelSetDiff.Compute(previous, labelSet),
            SetSizes = (LabelSetDiffPlot.SetSizes(previous), LabelSetDiffPlot.SetSizes(labelSet)),
        };
    }
}
