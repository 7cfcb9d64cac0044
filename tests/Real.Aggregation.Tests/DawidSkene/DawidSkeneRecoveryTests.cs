using Real.Aggregation.DawidSkene;
using Real.Aggregation.Tests.Simulation;

namespace Real.Aggregation.Tests.DawidSkene;

/// <summary>On seeded synthetic campaigns with known truth and known confusion matrices, EM recovers both.</summary>
public sealed class DawidSkeneRecoveryTests
{
    private static readonly SimulatedRatings Campaign = RaterSimulator.Generate(new SimulationSpec
    {
        Seed = 7,
        Images = 6_000,
        Raters = 24,
        PriorFits = 0.2,
        OriginalLabelFits = 0.2, // a well-specified model: one prior for every question
    });

    private static readonly EmResult Result = DawidSkeneEstimator.Estimate(Campaign.Votes, new EmOptions());

    [Fact]
    public void Converges()
    {
        Assert.True(Result.Converged, $"not converged after {Result.Iterations} iterations (last change {Result.LastMaxScoreChange})");
        Assert.True(Result.LastMaxScoreChange < 1e-6);
    }

    [Fact]
    public void Recovers_every_confusion_cell_within_four_standard_errors()
    {
        // The standard error of a cell is sqrt(p(1 − p) / n) with n the rater's votes on questions of that truth.
        for (var r = 0; r < Campaign.Raters.Length; r++)
        {
            var (fitsVotes, notFitsVotes) = VotesByTruth(r);
            for (var a = 0; a < 3; a++)
            {
                AssertCell(r, fits: true, a, Campaign.Raters[r].GivenFits[a], fitsVotes);
                AssertCell(r, fits: false, a, Campaign.Raters[r].GivenNotFits[a], notFitsVotes);
            }
        }
    }

    [Fact]
    public void Recovers_the_prior()
    {
        var truthRate = Campaign.Truth.Count(t => t) / (double)Campaign.QuestionCount;
        Assert.InRange(Result.Estimate.PriorFits, truthRate - 0.01, truthRate + 0.01);
    }

    [Fact]
    public void Scores_are_close_to_the_oracle_posterior()
    {
        // The oracle knows the true parameters; an estimator cannot do better than match it.
        var oracle = Campaign.OraclePosteriors();
        var meanGap = oracle.Zip(Result.Scores, (o, s) => Math.Abs(o - s)).Average();
        Assert.True(meanGap < 0.01, $"mean |score − oracle| = {meanGap:F4}");
    }

    [Fact]
    public void Recovers_the_truth_better_than_the_soft_majority()
    {
        var majority = SoftMajority.Scores(Campaign.Votes);
        var emAccuracy = Accuracy(Result.Scores);
        var majorityAccuracy = Accuracy(majority);
        var oracleAccuracy = Accuracy(Campaign.OraclePosteriors());
        Assert.True(emAccuracy > majorityAccuracy, $"EM {emAccuracy:F4} vs majority {majorityAccuracy:F4}");
        Assert.True(emAccuracy >= oracleAccuracy - 0.002, $"EM {emAccuracy:F4} vs oracle {oracleAccuracy:F4}");
        Assert.True(emAccuracy > 0.95, $"EM accuracy {emAccuracy:F4}");
    }

    private static double Accuracy(double[] scores) =>
        scores.Select((s, q) => (s >= 0.5) == Campaign.Truth[q]).Count(ok => ok) / (double)scores.Length;

    private static (int Fits, int NotFits) VotesByTruth(int rater)
    {
        int fits = 0, notFits = 0;
        for (var q = 0; q < Campaign.QuestionCount; q++)
        {
            if (Campaign.Votes.AnswerOf(q, rater) is not null)
            {
                _ = Campaign.Truth[q] ? fits++ : notFits++;
            }
        }

        return (fits, notFits);
    }

    private static void AssertCell(int rater, bool fits, int answer, double expected, int votes)
    {
        var estimated = Result.Estimate.Probability(rater, fits, (Answer)answer);
        var standardError = Math.Sqrt(expected * (1 - expected) / votes);
        Assert.True(
            Math.Abs(estimated - expected) <= (4 * standardError) + 0.002,
            $"rater {rater}, truth {(fits ? "fits" : "not")}, answer {(Answer)answer}: estimated {estimated:F4}, true {expected:F4}, n = {votes}, 4σ = {4 * standardError:F4}");
    }
}
