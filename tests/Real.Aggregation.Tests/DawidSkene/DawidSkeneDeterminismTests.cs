using Real.Aggregation.DawidSkene;
using Real.Aggregation.Tests.Simulation;

namespace Real.Aggregation.Tests.DawidSkene;

/// <summary>The same votes give bit-identical scores and matrices whatever the thread count.</summary>
public sealed class DawidSkeneDeterminismTests
{
    // Enough questions for several blocks of the fixed partition (4,096 questions each).
    private static readonly VoteMatrix Votes = RaterSimulator.Generate(new SimulationSpec { Seed = 11, Images = 3_000 }).Votes;

    [Theory]
    [InlineData(ConfusionModel.Full, EmAcceleration.Squarem)]
    [InlineData(ConfusionModel.Full, EmAcceleration.None)]
    [InlineData(ConfusionModel.OneCoin, EmAcceleration.Squarem)]
    public void Bit_identical_for_1_2_3_and_8_threads(ConfusionModel model, EmAcceleration acceleration)
    {
        Assert.True(Votes.QuestionCount > 3 * EmOptions.BlockSize, "the campaign must span several blocks");
        var options = new EmOptions { Model = model, Acceleration = acceleration, Smoothing = 0.01 };
        var reference = DawidSkeneEstimator.Estimate(Votes, options with { Threads = 1 });
        foreach (var threads in new[] { 2, 3, 8 })
        {
            var other = DawidSkeneEstimator.Estimate(Votes, options with { Threads = threads });
            Assert.Equal(reference.Iterations, other.Iterations);
            Assert.Equal(Bits(reference.Scores), Bits(other.Scores));
            Assert.Equal(Bits(reference.Estimate.Probabilities.ToArray()), Bits(other.Estimate.Probabilities.ToArray()));
            Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Estimate.PriorFits), BitConverter.DoubleToInt64Bits(other.Estimate.PriorFits));
        }
    }

    [Fact]
    public void Repeated_runs_are_bit_identical()
    {
        var first = DawidSkeneEstimator.Estimate(Votes, new EmOptions());
        var second = DawidSkeneEstimator.Estimate(Votes, new EmOptions());
        Assert.Equal(Bits(first.Scores), Bits(second.Scores));
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
