using Real.Contracts.Events.Proposals;
using Real.Proposals.Generating.Preprocessing;

namespace Real.Proposals.Tests.Generating;

public sealed class AxisWeightsTests
{
    public static TheoryData<ResizeInterpolation, bool> Modes => new()
    {
        { ResizeInterpolation.Bilinear, false },
        { ResizeInterpolation.Bilinear, true },
        { ResizeInterpolation.Bicubic, false },
        { ResizeInterpolation.Bicubic, true },
        { ResizeInterpolation.Nearest, false },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Same_size_is_the_identity(ResizeInterpolation interpolation, bool antialias)
    {
        var weights = AxisWeights.Compute(10, 10, 0, 10, interpolation, antialias);

        for (var o = 0; o < 10; o++)
        {
            Assert.Equal(o, Apply(weights, o, Enumerable.Range(0, 10).Select(i => (float)i).ToArray()), 5);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Weights_sum_to_one_and_stay_inside_the_source(ResizeInterpolation interpolation, bool antialias)
    {
        foreach (var (inSize, outSize) in new[] { (500, 341), (375, 256), (231, 256), (7, 3), (3, 11) })
        {
            var weights = AxisWeights.Compute(inSize, outSize, 0, outSize, interpolation, antialias);

            for (var o = 0; o < outSize; o++)
            {
                Assert.InRange(weights.First[o], 0, inSize - weights.Taps);
                Assert.Equal(1.0, weights.Weights.Skip(o * weights.Taps).Take(weights.Taps).Sum(w => (double)w), 5);
            }
        }
    }

    [Fact]
    public void Halving_without_antialias_averages_pixel_pairs()
    {
        // aten bilinear, align_corners=False: output o samples source 2o + 0.5, the mean of pixels 2o and 2o + 1.
        var source = new float[] { 10, 20, 40, 80, 160, 0 };
        var weights = AxisWeights.Compute(6, 3, 0, 3, ResizeInterpolation.Bilinear, antialias: false);

        Assert.Equal([15f, 60f, 80f], Enumerable.Range(0, 3).Select(o => Apply(weights, o, source)).ToArray());
    }

    [Fact]
    public void Halving_with_antialias_uses_the_stretched_triangle_filter()
    {
        // PIL / aten _aa: support 2, centre 2o + 1, taps at distance 0.5 and 1.5 → weights 3/8, 3/8, 1/8, 1/8,
        // truncated at the image edge and renormalised (output 0 has no left neighbour: 3/7, 3/7, 1/7).
        var source = new float[] { 8, 16, 24, 32, 40, 48, 56, 64 };
        var weights = AxisWeights.Compute(8, 4, 0, 4, ResizeInterpolation.Bilinear, antialias: true);

        Assert.Equal(((3 * 8) + (3 * 16) + 24) / 7f, Apply(weights, 0, source), 4);
        Assert.Equal((16 / 8f) + (24 * 3 / 8f) + (32 * 3 / 8f) + (40 / 8f), Apply(weights, 1, source), 4);
    }

    [Fact]
    public void A_window_of_outputs_has_the_same_weights_as_the_full_axis()
    {
        var full = AxisWeights.Compute(500, 341, 0, 341, ResizeInterpolation.Bicubic, antialias: true);
        var window = AxisWeights.Compute(500, 341, 58, 224, ResizeInterpolation.Bicubic, antialias: true);
        var source = Enumerable.Range(0, 500).Select(i => (float)Math.Sin(i * 0.1)).ToArray();

        for (var o = 0; o < 224; o++)
        {
            Assert.Equal(Apply(full, o + 58, source), Apply(window, o, source), 6);
        }
    }

    private static float Apply(AxisWeights weights, int o, float[] source)
    {
        var sum = 0f;
        for (var t = 0; t < weights.Taps; t++)
        {
            sum += weights.Weights[(o * weights.Taps) + t] * source[weights.First[o] + t];
        }

        return sum;
    }
}
