using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Real.Contracts.Events.Proposals;
using Real.Proposals.Generating;
using Real.Proposals.Generating.Images;
using Real.Proposals.Generating.Inference;
using Real.Proposals.Generating.Preprocessing;
using Real.Proposals.Registering;

namespace Real.Proposals.Benchmarking;

/// <summary>
/// Measures the proposal pipeline's two hot paths. Decode: SkiaSharp JPEG decode + torchvision preprocessing of
/// 500×375 JPEGs into 224×224 tensors on one thread. Inference: our classifier (ONNX Runtime run, score copy, softmax
/// and top-k per image) against a bare ONNX Runtime loop (create the input value, run, read the output) over the same
/// tensors, on two sessions made alike, in alternating rounds so load on the machine hits both the same.
/// </summary>
public sealed class ProposalsBenchmark(ExecutionProviderSelector selector)
{
    public async Task<ProposalsBenchmarkResult> RunAsync(string modelPath, int images, int batchSize, InferenceOptions options, TimeSpan budget, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(images, batchSize);
        var jpegs = SyntheticJpegs.Create(images, 500, 375, seed: 1);
        var preprocessor = new ImagePreprocessor(ImagePreprocessing.ImageNetDefault);
        var tensors = new float[images * preprocessor.TensorLength];

        // Decode: warm up once, then as many passes as fit in a third of the budget.
        DecodeAll(jpegs, preprocessor, tensors);
        var decoded = 0;
        var clock = Stopwatch.StartNew();
        var cpuStart = ThreadCpu.Now();
        while (clock.Elapsed < budget / 3 || decoded == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            decoded += DecodeAll(jpegs, preprocessor, tensors);
        }

        var decodeRate = decoded / clock.Elapsed.TotalSeconds;
        var decodeCpuRate = decoded / (ThreadCpu.Now() - cpuStart).TotalSeconds;

        var bytes = await File.ReadAllBytesAsync(modelPath, cancellationToken);
        var info = OnnxModelInspector.Inspect(bytes, modelPath, null, null, ImagePreprocessing.ImageNetDefault);
        var model = new ModelRegistered(
            "bench", "bench", "bench", Path.GetFullPath(modelPath), Convert.ToHexStringLower(SHA256.HashData(bytes)), info.InputName, info.InputShape,
            info.OutputName, info.OutputCount, ModelOutputKind.Logits, ImagePreprocessing.ImageNetDefault, [], DateTimeOffset.UnixEpoch);
        var batchOptions = options with { BatchSize = batchSize };
        using var ours = OnnxClassifier.Load(model, selector, batchOptions);
        using var bare = selector.CreateSession(bytes, batchOptions).Session;
        var batches = images / batchSize;
        var scores = new float[batchSize * info.OutputCount];

        RunOurs(ours, tensors, batches, batchSize, scores);
        RunBare(bare, info, tensors, batches, batchSize);
        TimeSpan oursTime = TimeSpan.Zero, bareTime = TimeSpan.Zero;
        var rounds = 0;
        clock.Restart();
        while (clock.Elapsed < budget * 2 / 3 || rounds < 2)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = clock.Elapsed;
            RunOurs(ours, tensors, batches, batchSize, scores);
            var middle = clock.Elapsed;
            RunBare(bare, info, tensors, batches, batchSize);
            oursTime += middle - start;
            bareTime += clock.Elapsed - middle;
            rounds++;
        }

        var inferred = (double)rounds * batches * batchSize;
        return new ProposalsBenchmarkResult(
            decodeRate,
            decodeCpuRate,
            inferred / oursTime.TotalSeconds,
            inferred / bareTime.TotalSeconds,
            oursTime / bareTime,
            Path.GetFileNameWithoutExtension(modelPath),
            ours.Device,
            batchSize,
            options.CpuThreads,
            images,
            500,
            375,
            jpegs.Average(j => j.Length) / 1024.0,
            LoadAverage(),
            selector.CudaUnavailableReason);
    }

    /// <summary>The 1-minute load average (Linux), to read the wall-clock figures against; null elsewhere.</summary>
    private static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static int DecodeAll(IReadOnlyList<byte[]> jpegs, ImagePreprocessor preprocessor, float[] tensors)
    {
        for (var i = 0; i < jpegs.Count; i++)
        {
            using var image = ImageDecoder.Decode(jpegs[i], "bench");
            preprocessor.Preprocess(image, tensors.AsSpan(i * preprocessor.TensorLength, preprocessor.TensorLength));
        }

        return jpegs.Count;
    }

    /// <summary>What PredictionGenerator does per batch once the tensors are ready.</summary>
    private static void RunOurs(OnnxClassifier classifier, float[] tensors, int batches, int batchSize, float[] scores)
    {
        var outputs = classifier.Model.OutputCount;
        for (var b = 0; b < batches; b++)
        {
            classifier.Run(tensors.AsMemory(b * batchSize * classifier.TensorLength, batchSize * classifier.TensorLength), batchSize, scores);
            for (var i = 0; i < batchSize; i++)
            {
                ScoreRanker.TopK(scores.AsSpan(i * outputs, outputs), ModelOutputKind.Logits, [], PredictionGenerator.DefaultRecordedTopK, "bench");
            }
        }
    }

    private static void RunBare(InferenceSession session, OnnxModelInfo info, float[] tensors, int batches, int batchSize)
    {
        var length = 3 * 224 * 224;
        long[] shape = [batchSize, 3, 224, 224];
        var sink = 0f;
        using var runOptions = new RunOptions();
        for (var b = 0; b < batches; b++)
        {
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tensors.AsMemory(b * batchSize * length, batchSize * length), shape);
            using var outputs = session.Run(runOptions, [info.InputName], [input], [info.OutputName]);
            sink += outputs[0].GetTensorDataAsSpan<float>()[0];
        }

        GC.KeepAlive(sink);
    }
}
