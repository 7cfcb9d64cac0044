using Microsoft.Extensions.Logging.Abstractions;
using Real.Proposals.Generating.Inference;
using Real.Proposals.Tests.Fixtures;

namespace Real.Proposals.Tests.Generating;

/// <summary>
/// ONNX Runtime's output for the script's fixed input batch must equal the numpy forward pass of the same weights.
/// Tolerance 1e-4 relative to the output's scale: float32 convolutions and sums of ~150k products differ from float64
/// by a few 1e-6 relative; a wrong weight layout or a missing bias is off by 1e-1 or more.
/// </summary>
public sealed class OnnxClassifierTests
{
    private static readonly InferenceOptions Cpu = new() { Device = InferenceDevice.Cpu, CpuThreads = 1, BatchSize = 2 };

    [Theory]
    [InlineData("tiny-a")]
    [InlineData("tiny-b")]
    [InlineData("tiny-c")]
    [InlineData("tiny-probs")]
    [InlineData("tiny-10")]
    public void Outputs_match_the_numpy_forward_pass(string name)
    {
        var model = TestModels.Registered(name);
        var input = GeneratedFixtures.ReadFloats("reference/input-batch.f32");
        var expected = GeneratedFixtures.ReadFloats($"reference/{name}.batch-output.f32");
        using var classifier = OnnxClassifier.Load(model, new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance), Cpu);
        var scores = new float[2 * model.OutputCount];

        classifier.Run(input, 2, scores);

        Assert.Equal("cpu", classifier.Device);
        AssertClose(expected, scores);
    }

    [Fact]
    public void One_image_at_a_time_gives_the_same_scores_as_a_batch()
    {
        var model = TestModels.Registered("tiny-a");
        var input = GeneratedFixtures.ReadFloats("reference/input-batch.f32");
        using var classifier = OnnxClassifier.Load(model, new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance), Cpu);
        var batch = new float[2000];
        var single = new float[1000];

        classifier.Run(input, 2, batch);
        classifier.Run(input.AsMemory(input.Length / 2), 1, single);

        AssertClose(batch[1000..], single);
    }

    [Fact]
    public void A_file_changed_since_registration_is_refused()
    {
        var model = TestModels.Registered("tiny-a") with { OnnxSha256 = new string('0', 64) };

        var error = Assert.Throws<InvalidDataException>(() => OnnxClassifier.Load(model, new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance), Cpu));

        Assert.Contains("changed since model 'tiny-a' v1 was registered", error.Message, StringComparison.Ordinal);
    }

    internal static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = 0f;
        foreach (var e in expected)
        {
            scale = Math.Max(scale, Math.Abs(e));
        }

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4f * Math.Max(scale, 1f), $"score {i}: {actual[i]} but the reference has {expected[i]}");
        }
    }
}
