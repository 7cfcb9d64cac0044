using Real.Aggregation.DawidSkene;

namespace Real.Aggregation.Tests.Simulation;

/// <summary>A simulated campaign with everything the estimator should recover: the truth and each rater's confusion rows.</summary>
public sealed record SimulatedRatings(
    SimulationSpec Spec,
    VoteMatrix Votes,
    bool[] Truth,
    RaterRows[] Raters,
    int[] QuestionImage,
    int[] QuestionLabel,
    int[] OriginalLabels)
{
    public int QuestionCount => Truth.Length;

    /// <summary>The posterior P(fits) each question would get if the true parameters were known: the best any estimator can do.</summary>
    public double[] OraclePosteriors()
    {
        var result = new double[QuestionCount];
        for (var q = 0; q < QuestionCount; q++)
        {
            var prior = QuestionLabel[q] == OriginalLabels[QuestionImage[q]] ? Spec.OriginalLabelFits : Spec.PriorFits;
            var s = Math.Log(prior) - Math.Log(1 - prior);
            foreach (var vote in Votes.VotesOf(q))
            {
                var rows = Raters[vote.Rater];
                s += Math.Log(rows.GivenFits[(int)vote.Answer]) - Math.Log(rows.GivenNotFits[(int)vote.Answer]);
            }

            result[q] = 1 / (1 + Math.Exp(-s));
        }

        return result;
    }
}
