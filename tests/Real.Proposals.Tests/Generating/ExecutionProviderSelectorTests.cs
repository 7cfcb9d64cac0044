using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Real.Proposals.Generating.Inference;
using Real.Proposals.Tests.Fakes;
using Real.Proposals.Tests.Fixtures;

namespace Real.Proposals.Tests.Generating;

public sealed class ExecutionProviderSelectorTests
{
    private static readonly Action<Microsoft.ML.OnnxRuntime.SessionOptions, int> NoCuda =
        (_, _) => throw new DllNotFoundException("libcublasLt.so.13: cannot open shared object file: No such file or directory");

    [Fact]
    public void Without_cuda_auto_falls_back_to_the_cpu_with_one_warning_and_still_infers()
    {
        var logger = new RecordingLogger<ExecutionProviderSelector>();
        var selector = new ExecutionProviderSelector(logger, NoCuda);
        var model = TestModels.Registered("tiny-a");
        var options = new InferenceOptions { Device = InferenceDevice.Auto, CpuThreads = 2 };

        using (var first = OnnxClassifier.Load(model, selector, options))
        using (var second = OnnxClassifier.Load(TestModels.Registered("tiny-b"), selector, options))
        {
            Assert.Equal("cpu", first.Device);
            Assert.Equal("cpu", second.Device);
            var scores = new float[2000];
            first.Run(GeneratedFixtures.ReadFloats("reference/input-batch.f32"), 2, scores);
            OnnxClassifierTests.AssertClose(GeneratedFixtures.ReadFloats("reference/tiny-a.batch-output.f32"), scores);
        }

        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal(
            "CUDA execution provider unavailable (libcublasLt.so.13: cannot open shared object file: No such file or directory); running inference on the CPU (2 threads).",
            line.Message);
        Assert.StartsWith("libcublasLt.so.13", selector.CudaUnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Requiring_cuda_without_it_fails_clearly_instead_of_falling_back()
    {
        var logger = new RecordingLogger<ExecutionProviderSelector>();
        var selector = new ExecutionProviderSelector(logger, NoCuda);

        var error = Assert.Throws<CudaUnavailableException>(() =>
            OnnxClassifier.Load(TestModels.Registered("tiny-a"), selector, new InferenceOptions { Device = InferenceDevice.Cuda }));

        Assert.Contains("libcublasLt.so.13", error.Message, StringComparison.Ordinal);
        Assert.Contains("--device auto", error.Message, StringComparison.Ordinal);
        Assert.Empty(logger.Lines);
    }

    [Fact]
    public void The_real_gpu_package_on_this_machine_either_runs_cuda_or_falls_back_with_one_line()
    {
        // No stand-in here: the actual AppendExecutionProvider_CUDA of Microsoft.ML.OnnxRuntime.Gpu. On a machine
        // without CUDA it throws (libraries missing, or no device) and the selector must fall back.
        var logger = new RecordingLogger<ExecutionProviderSelector>();
        var selector = new ExecutionProviderSelector(logger);

        using var classifier = OnnxClassifier.Load(TestModels.Registered("tiny-a"), selector, new InferenceOptions());
        var scores = new float[2000];
        classifier.Run(GeneratedFixtures.ReadFloats("reference/input-batch.f32"), 2, scores);

        OnnxClassifierTests.AssertClose(GeneratedFixtures.ReadFloats("reference/tiny-a.batch-output.f32"), scores);
        if (classifier.Device == "cpu")
        {
            var line = Assert.Single(logger.Lines);
            Assert.StartsWith("CUDA execution provider unavailable (", line.Message, StringComparison.Ordinal);
            Assert.NotNull(selector.CudaUnavailableReason);
        }
        else
        {
            Assert.Equal("cuda", classifier.Device);
            Assert.Empty(logger.Lines);
        }
    }

    [CudaFact]
    public void Cuda_scores_match_the_cpu_reference()
    {
        var selector = new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance);
        using var classifier = OnnxClassifier.Load(TestModels.Registered("tiny-a"), selector, new InferenceOptions { Device = InferenceDevice.Cuda });
        var scores = new float[2000];

        classifier.Run(GeneratedFixtures.ReadFloats("reference/input-batch.f32"), 2, scores);

        Assert.Equal("cuda", classifier.Device);
        OnnxClassifierTests.AssertClose(GeneratedFixtures.ReadFloats("reference/tiny-a.batch-output.f32"), scores);
    }
}
