using System.Security.Cryptography;
using System.Text;
using Real.Contracts.Events.Proposals;
using Real.Contracts.Messages.Proposals;
using Real.Proposals.Datasets;
using Real.Proposals.Generating;
using Real.Proposals.Generating.Images;
using Real.Proposals.Predictions;
using Real.Proposals.Registering;

namespace Real.Proposals.Pooling;

/// <summary>
/// A proposal run from end to end: resolve the models, predict the folder's new images with the registered ones,
/// pool every model's top-k per image, split the candidates into tasks, record it all (<see cref="ProposalRecorder"/>)
/// and publish RatingTaskCreated per task. Every id is derived from the run's inputs, so running it again appends
/// nothing; tasks are published again (same ids), which covers a crash between appending and publishing.
/// </summary>
public sealed class ProposalRunner(
    DatasetReader datasets,
    ModelCatalog catalog,
    RecordedPredictions recorded,
    PredictionGenerator generator,
    ILabelHierarchySource hierarchies,
    ProposalRecorder recorder,
    ITaskPublisher publisher)
{
    public async Task<ProposalRunResult> RunAsync(ProposeRequest request, IProgress<ProposalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rule = request.Rule;
        var problems = rule.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid pooling rule: {string.Join("; ", problems)}.");
        }

        var modelIds = request.ModelIds.Select(ModelIds.Require).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (modelIds.Length == 0)
        {
            throw new ArgumentException("Name at least one model (--models).");
        }

        if (rule.MinModels > modelIds.Length)
        {
            throw new ArgumentException(
                $"min-models is {rule.MinModels} but only {modelIds.Length} model(s) are pooled: no label besides the original could ever be proposed.");
        }

        var dataset = await datasets.ReadAsync(request.DatasetId, cancellationToken);
        var models = await ResolveModelsAsync(modelIds, dataset, cancellationToken);
        var files = request.ImagesDirectory is { } directory ? ImageFolder.List(directory) : null;

        var generation = new List<GenerationResult>();
        if (files is not null)
        {
            foreach (var (model, registered) in models)
            {
                if (registered is null)
                {
                    continue;
                }

                var stage = $"predict {model.ModelId}";
                var perModel = progress is null ? null : new Progress<int>(done => progress.Report(new ProposalProgress(stage, done, files.Count)));
                generation.Add(await generator.GenerateAsync(registered, dataset, files, request.Inference, PredictionGenerator.DefaultRecordedTopK, perModel, cancellationToken));
            }
        }

        var predictions = new List<(string ModelId, IReadOnlyDictionary<string, ImagePrediction> ByImage)>();
        foreach (var (model, _) in models)
        {
            predictions.Add((model.ModelId, await recorded.ReadAsync(model.ModelId, model.Version, cancellationToken)));
        }

        var images = SelectImages(dataset, files, predictions.Select(p => p.ByImage));
        var hierarchy = hierarchies.For(dataset);
        var pooled = new List<(PooledImage Image, IReadOnlyList<IReadOnlyList<int>> Tasks)>(images.Count);
        foreach (var index in images)
        {
            var name = dataset.ImageName(index);
            var votes = predictions
                .Where(p => p.ByImage.ContainsKey(name))
                .Select(p => (p.ModelId, p.ByImage[name]))
                .ToArray();
            var image = CandidatePooler.Pool(name, dataset.OriginalLabel(index), votes, rule);
            var labels = image.Candidates.Select(c => c.Label).ToArray();
            pooled.Add((image, image.KeepsOriginal ? [] : TaskSplitter.Split(labels, rule.MaxLabelsPerTask, hierarchy)));
        }

        progress?.Report(new ProposalProgress("pool", pooled.Count, pooled.Count));
        var modelRefs = models.Select(m => m.Model).ToArray();
        var runId = RunId(dataset.DatasetId, modelRefs, rule, pooled.Select(p => p.Image.Image));
        var recording = await recorder.RecordAsync(runId, dataset, modelRefs, rule, pooled, request.CorrelationId, cancellationToken);
        progress?.Report(new ProposalProgress("append", recording.EventsAppended, recording.EventsAppended));

        var messages = recording.Tasks
            .Select(t => new RatingTaskCreated(t.TaskId, t.DatasetId, t.Image, [.. t.Labels.Select(l => new CandidateLabel(l, dataset.ClassName(l)))], t.Instructions))
            .ToArray();
        for (var start = 0; start < messages.Length; start += 500)
        {
            await publisher.PublishAsync(messages[start..Math.Min(messages.Length, start + 500)], cancellationToken);
            progress?.Report(new ProposalProgress("publish", Math.Min(messages.Length, start + 500), messages.Length));
        }

        var sent = pooled.Count(p => !p.Image.KeepsOriginal);
        return new ProposalRunResult(
            runId, dataset.DatasetId, modelRefs, rule, generation, pooled.Count, sent, pooled.Count - sent,
            recording.Tasks.Count, recording.Questions, recording.EventsAppended, messages.Length);
    }

    /// <summary>A registered model at its current version; an unregistered one at the version of its latest (imported) predictions.</summary>
    private async Task<IReadOnlyList<(ModelRef Model, ModelRegistered? Registered)>> ResolveModelsAsync(
        IReadOnlyList<string> modelIds, DatasetImages dataset, CancellationToken cancellationToken)
    {
        var models = new List<(ModelRef, ModelRegistered?)>();
        foreach (var id in modelIds)
        {
            if (await catalog.FindAsync(id, cancellationToken) is { } registered)
            {
                if (registered.DatasetId != dataset.DatasetId)
                {
                    throw new ProposalsException($"Model '{id}' is registered for data set '{registered.DatasetId}', not '{dataset.DatasetId}'.");
                }

                models.Add((new ModelRef(id, registered.Version), registered));
            }
            else if (await recorded.LatestVersionAsync(id, cancellationToken) is { } version)
            {
                models.Add((new ModelRef(id, version), null));
            }
            else
            {
                throw new ProposalsException($"Model '{id}' is neither registered nor has imported predictions: register it (real models register) or import its predictions (real import predictions).");
            }
        }

        return models;
    }

    /// <summary>
    /// The images some model has a prediction for (an image no model could read is not pooled: it has no evidence
    /// either way), limited to the folder's when one was given; in data set order.
    /// </summary>
    private static IReadOnlyList<int> SelectImages(DatasetImages dataset, IReadOnlyList<string>? files, IEnumerable<IReadOnlyDictionary<string, ImagePrediction>> predictions)
    {
        var predicted = predictions.SelectMany(p => p.Keys).ToHashSet(StringComparer.Ordinal);
        var candidates = files ?? (IEnumerable<string>)predicted;
        var indices = new SortedSet<int>();
        foreach (var file in candidates)
        {
            if (dataset.Find(file) is { } index && predicted.Contains(dataset.ImageName(index)))
            {
                indices.Add(index);
            }
        }

        return [.. indices];
    }

    private static string RunId(string datasetId, IReadOnlyList<ModelRef> models, PoolingRule rule, IEnumerable<string> images)
    {
        var text = new StringBuilder()
            .Append(datasetId).Append('\n')
            .AppendJoin(',', models.Select(m => $"{m.ModelId}@{m.Version}")).Append('\n')
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"{rule.TopK}/{rule.MinModels}/{rule.MaxCandidates}/{rule.MaxLabelsPerTask}\n")
            .AppendJoin('\n', images)
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
    }
}
