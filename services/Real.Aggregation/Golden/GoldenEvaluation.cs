using Real.Aggregation.DawidSkene;
using Real.Aggregation.Inputs;
using Real.Aggregation.LabelSets;

namespace Real.Aggregation.Golden;

/// <summary>
/// Precision and recall of a label set against the experts: on every golden question the experts' majority
/// (yes vs no; "maybe" counts for neither; ties are left out) is the truth, and the label set says "fits" when the
/// label is in the image's set (an image never rated: when it is its original label). The precision-recall curve
/// sweeps the threshold over the candidate scores; a golden question that is not a rated candidate scores 1 when it
/// is the original label of an unrated image and 0 otherwise, so it falls on the same side at every threshold.
/// </summary>
public static class GoldenEvaluation
{
    /// <summary>Thresholds of the curve: 0, 0.01, ..., 1.</summary>
    public const int CurveSteps = 100;

    public static GoldenReport Evaluate(LabelSetView view, AggregationInput experts)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(experts);
        var questions = new List<GoldenQuestion>();
        var ties = 0;
        for (var q = 0; q < experts.QuestionCount; q++)
        {
            int yes = 0, no = 0;
            foreach (var vote in experts.Votes.VotesOf(q))
            {
                yes += vote.Answer == Answer.Yes ? 1 : 0;
                no += vote.Answer == Answer.No ? 1 : 0;
            }

            if (yes == no)
            {
                ties++;
                continue;
            }

            var image = experts.QuestionImage[q];
            var label = experts.QuestionLabel[q];
            var inSet = view.Labels.LabelsOf(image).Contains(label);
            var score = view.ScoreOf(image, label) ?? (!view.Labels.IsRated(image) && view.Dataset.OriginalLabels[image] == label ? 1.0 : 0.0);
            questions.Add(new GoldenQuestion(image, label, yes > no, inSet, score));
        }

        var atSet = Count(questions, q => q.InSet);
        var curve = Enumerable.Range(0, CurveSteps + 1)
            .Select(step => step / (double)CurveSteps)
            .Select(threshold => Count(questions, q => q.Score >= threshold) with { Threshold = threshold })
            .ToArray();
        return new GoldenReport(view.LabelSet.Id, questions.Count, ties, experts.RaterIds.Count, atSet with { Threshold = view.LabelSet.Threshold }, curve);
    }

    private static PrecisionRecall Count(List<GoldenQuestion> questions, Func<GoldenQuestion, bool> predictsFits)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var question in questions)
        {
            var predicted = predictsFits(question);
            if (predicted && question.ExpertsSayFits)
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (question.ExpertsSayFits)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        return new PrecisionRecall(null, tp, fp, fn, tn);
    }

    private sealed record GoldenQuestion(int Image, int Label, bool ExpertsSayFits, bool InSet, double Score);
}
