using System.Diagnostics;
using System.Threading.Channels;
using Real.Contracts.Events.Proposals;
using Real.Proposals.Datasets;
using Real.Proposals.Generating.Inference;
using Real.Proposals.Generating.Preprocessing;
using Real.Proposals.Predictions;

namespace Real.Proposals.Generating;

/// <summary>
/// Runs one registered model over image files and records its top-k per image as <see cref="PredictionsRecorded"/>.
/// Images that already have a prediction at the model's version are skipped, so a re-run (or a run resumed after a
/// crash) computes only what is missing and appends nothing twice. Decoding the next batch overlaps inference of
/// the current one; at most two batches of tensors are in memory.
/// </summary>
public sealed class PredictionGenerator(ExecutionProviderSelector selector, RecordedPredictions recorded, PredictionWriter writer)
{
    /// <summary>How many labels are recorded per image: enough for top-5 accuracy and pooling with k up to 10.</summary>
    public const int DefaultRecordedTopK = 10;

    public async Task<GenerationResult> GenerateAsync(
        ModelRegistered model,
        DatasetImages dataset,
        IReadOnlyList<string> files,
        InferenceOptions options,
        int topK = DefaultRecordedTopK,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid inference options: {string.Join("; ", problems)}.");
        }

        if (model.DatasetId != dataset.DatasetId)
        {
            throw new ProposalsException($"Model '{model.ModelId}' is registered for data set '{model.DatasetId}', not '{dataset.DatasetId}'.");
        }

        var clock = Stopwatch.StartNew();
        var modelRef = new ModelRef(model.ModelId, model.Version);
        var failures = new List<ImageFailure>();
        var done = await recorded.ReadAsync(model.ModelId, model.Version, cancellationToken);
        var todo = new List<(string File, string Image)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (dataset.Find(file) is not { } index)
            {
                failures.Add(new ImageFailure(file, $"not an image of data set '{dataset.DatasetId}'"));
            }
            else if (!seen.Add(dataset.ImageName(index)))
            {
                failures.Add(new ImageFailure(file, $"another file in this run is also image {dataset.ImageName(index)}"));
            }
            else if (!done.ContainsKey(dataset.ImageName(index)))
            {
                todo.Add((file, dataset.ImageName(index)));
            }
        }

        var already = seen.Count - todo.Count;
        progress?.Report(already);
        if (todo.Count == 0)
        {
            return new GenerationResult(modelRef, "none", 0, already, 0, failures, clock.Elapsed);
        }

        using var classifier = OnnxClassifier.Load(model, selector, options);
        var (computed, events) = await RunAsync(classifier, todo, options, topK, failures, progress, already, cancellationToken);
        return new GenerationResult(modelRef, classifier.Device, computed, already, events, failures, clock.Elapsed);
    }

    private async Task<(int Computed, int Events)> RunAsync(
        OnnxClassifier classifier,
        List<(string File, string Image)> todo,
        InferenceOptions options,
        int topK,
        List<ImageFailure> failures,
        IProgress<int>? progress,
        int already,
        CancellationToken cancellationToken)
    {
        var model = classifier.Model;
        var preparer = new BatchPreparer(new ImagePreprocessor(model.Preprocessing), options.DecodeThreads > 0 ? options.DecodeThreads : Environment.ProcessorCount);
        var batchSize = classifier.MaxBatchSize;
        // Two tensor buffers: one being filled while the other is in the model.
        var free = Channel.CreateBounded<float[]>(2);
        free.Writer.TryWrite(new float[batchSize * classifier.TensorLength]);
        free.Writer.TryWrite(new float[batchSize * classifier.TensorLength]);
        var ready = Channel.CreateBounded<PreparedBatch>(1);

        var producer = Task.Run(
            async () =>
            {
                try
                {
                    for (var start = 0; start < todo.Count; start += batchSize)
                    {
                        var buffer = await free.Reader.ReadAsync(cancellationToken);
                        var items = todo.GetRange(start, Math.Min(batchSize, todo.Count - start));
                        await ready.Writer.WriteAsync(preparer.Prepare(items, buffer, cancellationToken), cancellationToken);
                    }

                    ready.Writer.Complete();
                }
                catch (Exception ex)
                {
                    ready.Writer.Complete(ex);
                }
            },
            cancellationToken);

        var source = classifier.Device == "cuda" ? "onnx/cuda" : "onnx/cpu";
        var scores = new float[batchSize * model.OutputCount];
        var pending = new List<ImagePrediction>(PredictionWriter.ImagesPerEvent);
        int computed = 0, events = 0;
        await foreach (var batch in ready.Reader.ReadAllAsync(cancellationToken))
        {
            failures.AddRange(batch.Failures);
            if (batch.Images.Count > 0)
            {
                classifier.Run(batch.Tensors, batch.Images.Count, scores);
                for (var i = 0; i < batch.Images.Count; i++)
                {
                    var row = scores.AsSpan(i * model.OutputCount, model.OutputCount);
                    pending.Add(new ImagePrediction(batch.Images[i], ScoreRanker.TopK(row, model.OutputKind, model.ClassMap, topK, batch.Images[i])));
                }
            }

            free.Writer.TryWrite(batch.Tensors);
            computed += batch.Images.Count;
            progress?.Report(already + computed + failures.Count);
            if (pending.Count >= PredictionWriter.ImagesPerEvent)
            {
                // Whole events only; the remainder waits for the next batch so event sizes stay even.
                var full = pending.Count / PredictionWriter.ImagesPerEvent * PredictionWriter.ImagesPerEvent;
                events += await writer.AppendAsync(new ModelRef(model.ModelId, model.Version), model.DatasetId, source, null, topK, pending[..full], "onnx", cancellationToken);
                pending.RemoveRange(0, full);
            }
        }

        await producer;
        if (pending.Count > 0)
        {
            events += await writer.AppendAsync(new ModelRef(model.ModelId, model.Version), model.DatasetId, source, null, topK, pending, "onnx", cancellationToken);
        }

        return (computed, events);
    }
}
