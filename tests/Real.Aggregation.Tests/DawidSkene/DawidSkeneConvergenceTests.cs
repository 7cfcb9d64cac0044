using Real.Aggregation.DawidSkene;
using Real.Aggregation.Tests.Simulation;

namespace Real.Aggregation.Tests.DawidSkene;

/// <summary>Acceleration and warm starts change how EM gets there, not where it ends.</summary>
public sealed class DawidSkeneConvergenceTests
{
    private static readonly SimulatedRatings Campaign = RaterSimulator.Generate(new SimulationSpec { Seed = 3, Images = 4_000 });

    [Fact]
    public void Squarem_reaches_the_plain_em_fixed_point_in_fewer_iterations()
    {
        // Three votes per question from noisy raters: slow convergence, where acceleration matters.
        var slow = RaterSimulator.Generate(new SimulationSpec { Seed = 5, Images = 4_000, VotesPerQuestion = 3 }).Votes;
        var tight = new EmOptions { Tolerance = 1e-10 };
        var plain = DawidSkeneEstimator.Estimate(slow, tight with { Acceleration = EmAcceleration.None });
        var accelerated = DawidSkeneEstimator.Estimate(slow, tight with { Acceleration = EmAcceleration.Squarem });
        Assert.True(plain.Converged && accelerated.Converged);
        Assert.True(accelerated.Iterations < plain.Iterations, $"SQUAREM {accelerated.Iterations} vs plain {plain.Iterations} iterations");
        Assert.True(MaxGap(plain.Scores, accelerated.Scores) < 1e-7, $"max gap {MaxGap(plain.Scores, accelerated.Scores)}");
    }

    [Fact]
    public void Warm_start_after_new_votes_equals_a_cold_run_within_the_tolerance()
    {
        // Yesterday: a campaign with fewer votes per question. Today: the full campaign. The warm run starts
        // from yesterday's matrices; the cold run from the soft majority. Both run to the default tolerance.
        var yesterday = RaterSimulator.Generate(new SimulationSpec { Seed = 3, Images = 4_000, VotesPerQuestion = 3 });
        var previous = DawidSkeneEstimator.Estimate(yesterday.Votes, new EmOptions());
        var warmStart = new WarmStart(
            previous.Estimate.PriorFits,
            Enumerable.Range(0, Campaign.Votes.RaterCount)
                .Select(r => (RaterRows?)new RaterRows(previous.Estimate.Row(r, fits: false), previous.Estimate.Row(r, fits: true)))
                .ToArray());

        var cold = DawidSkeneEstimator.Estimate(Campaign.Votes, new EmOptions());
        var warm = DawidSkeneEstimator.Estimate(Campaign.Votes, new EmOptions(), warmStart);

        Assert.True(cold.Converged && warm.Converged);
        var gap = MaxGap(cold.Scores, warm.Scores);
        Assert.True(gap < 1e-4, $"warm and cold runs differ by {gap} (tolerance 1e-6 per step)");
        var setsDiffer = cold.Scores.Zip(warm.Scores).Count(p => (p.First >= 0.8) != (p.Second >= 0.8));
        Assert.Equal(0, setsDiffer);
    }

    [Fact]
    public void Warm_start_knows_only_some_raters()
    {
        var previous = DawidSkeneEstimator.Estimate(Campaign.Votes, new EmOptions());
        var rows = Enumerable.Range(0, Campaign.Votes.RaterCount)
            .Select(r => r % 2 == 0 ? new RaterRows(previous.Estimate.Row(r, false), previous.Estimate.Row(r, true)) : null)
            .ToArray();
        var warm = DawidSkeneEstimator.Estimate(Campaign.Votes, new EmOptions(), new WarmStart(previous.Estimate.PriorFits, rows));
        Assert.True(warm.Converged);
        Assert.True(MaxGap(previous.Scores, warm.Scores) < 1e-4);
    }

    [Fact]
    public void Stops_at_max_iterations_and_says_so()
    {
        var result = DawidSkeneEstimator.Estimate(Campaign.Votes, new EmOptions { MaxIterations = 3, Acceleration = EmAcceleration.None });
        Assert.False(result.Converged);
        Assert.Equal(3, result.Iterations);
    }

    [Fact]
    public void A_question_without_votes_scores_the_prior()
    {
        var votes = new VoteMatrixBuilder(3, 2)
            .Add(0, 0, Answer.Yes).Add(0, 1, Answer.Yes)
            .Add(1, 0, Answer.No).Add(1, 1, Answer.No)
            .Build();
        var result = DawidSkeneEstimator.Estimate(votes, new EmOptions { Smoothing = 1 });
        Assert.Equal(result.Estimate.PriorFits, result.Scores[2], 12);
    }

    private static double MaxGap(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
