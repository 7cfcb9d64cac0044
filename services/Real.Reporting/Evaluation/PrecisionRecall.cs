namespace Real.Reporting.Evaluation;

/// <summary>
/// Precision and recall of "score ≥ threshold" against a binary truth (the experts' majority on the golden
/// questions), at every distinct score — the curve of the paper's Figure 3 — and at one chosen threshold.
/// </summary>
public static class PrecisionRecall
{
    public static IReadOnlyList<PrecisionRecallPoint> Curve(IReadOnlyList<(double Score, bool Truth)> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var positives = questions.Count(q => q.Truth);
        var sorted = questions.OrderByDescending(q => q.Score).ToArray();
        var curve = new List<PrecisionRecallPoint>();
        int truePositives = 0, predicted = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            predicted++;
            truePositives += sorted[i].Truth ? 1 : 0;

            // One point per distinct score: every question at this score is in or out together.
            if (i + 1 < sorted.Length && sorted[i + 1].Score == sorted[i].Score)
            {
                continue;
            }

            curve.Add(new PrecisionRecallPoint(sorted[i].Score, (double)truePositives / predicted, positives == 0 ? 0 : (double)truePositives / positives, predicted));
        }

        return curve;
    }

    /// <summary>The operating point of a label set: predicted positive = the label is in the set.</summary>
    public static PrecisionRecallPoint At(IReadOnlyList<(bool InSet, bool Truth)> questions, double threshold)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var predicted = questions.Count(q => q.InSet);
        var truePositives = questions.Count(q => q.InSet && q.Truth);
        var positives = questions.Count(q => q.Truth);
        return new PrecisionRecallPoint(
            threshold,
            predicted == 0 ? 1 : (double)truePositives / predicted,
            positives == 0 ? 0 : (double)truePositives / positives,
            predicted);
    }
}
