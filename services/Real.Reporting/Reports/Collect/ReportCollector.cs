using System.Globalization;
using Real.EventStore.Integrity;
using Real.Reporting.Evaluate;
using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.LabelSets;
using Real.Reporting.Reports.Plots;

namespace Real.Reporting.Reports.Collect;

/// <summary>Gathers a <see cref="ReportModel"/> from the store: the label set, its scores, golden answers, models, a diff, integrity.</summary>
public sealed class ReportCollector(ReportingContext context, TimeProvider? clock = null)
{
    public async Task<ReportModel> CollectAsync(ReportRequest request, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        progress?.Invoke("Loading the data set and the label set");
        var dataset = await context.DatasetAsync(cancellationToken);
        var loaded = await ResolveLabelSetAsync(request.LabelSet, dataset, cancellationToken);
        var labelSet = loaded.Labels;

        progress?.Invoke("Evaluating models");
        var models = new List<ModelEvaluation>();
        models.Add(ModelEvaluator.Evaluate(labelSet, dataset.OriginalLabels, TopKPredictions.FromTop1(EvaluatePredictions.OriginalLabelsModelId, dataset.OriginalLabels), dataset.ClassCount));
        if (request.Predictions is not null)
        {
            await foreach (var predictions in EvaluatePredictionsHandler.ReadPredictionsAsync(context, request.Predictions, dataset, progress, cancellationToken))
            {
                models.Add(ModelEvaluator.Evaluate(labelSet, dataset.OriginalLabels, predictions, dataset.ClassCount));
            }
        }

        // The per-class section describes the first model: prefer a real model over the original labels.
        models = [.. models.OrderBy(m => m.ModelId == EvaluatePredictions.OriginalLabelsModelId ? 1 : 0)];
        var (regression, fitted) = EvaluatePredictionsHandler.Regress(models);

        progress?.Invoke("Reading the golden expert answers");
        var golden = loaded.Scores is null ? null : await GoldenAsync(loaded, dataset, cancellationToken);

        progress?.Invoke("Comparing label sets");
        var (from, fromName) = await CompareWithAsync(request.Compare, loaded, dataset, cancellationToken);
        var diff = LabelSetDiff.Compute(from, labelSet);

        IntegritySummary? integrity = null;
        if (request.Verify)
        {
            progress?.Invoke("Verifying the event log's hash chain");
            integrity = Summarize(await new ChainVerifier(context.Store).VerifyAsync(cancellationToken: cancellationToken));
        }

        var head = await context.Store.GetHeadPositionAsync(cancellationToken);
        return new ReportModel
        {
            Title = "ReaL labels report",
            GeneratedAt = (clock ?? TimeProvider.System).GetUtcNow(),
            Source = string.Create(CultureInfo.InvariantCulture, $"{context.Store.Backend} event store, {head:N0} events"),
            LabelSet = loaded.Description,
            ClassNames = dataset.ClassNames,
            Integrity = integrity,
            Scores = loaded.Scores?.Values.SelectMany(c => c.Select(x => x.Score)).ToArray(),
            Golden = golden,
            Models = models,
            Regression = regression,
            RegressionModels = fitted,
            Diff = diff with { From = fromName },
            SetSizes = (LabelSetDiffPlot.SetSizes(from), LabelSetDiffPlot.SetSizes(labelSet)),
        };
    }

    private async Task<LoadedLabelSet> ResolveLabelSetAsync(string reference, EvaluationDataset dataset, CancellationToken cancellationToken)
    {
        if (string.Equals(reference, LabelSetCatalog.Latest, StringComparison.OrdinalIgnoreCase) && await context.Catalog.LatestVersionAsync(cancellationToken) is null)
        {
            // No version of ours yet: report on the newest imported set rather than fail.
            var imported = (await context.Catalog.ListAsync(cancellationToken)).LastOrDefault(s => s.Kind == LabelSetKind.Imported);
            if (imported is not null)
            {
                return await context.Catalog.ResolveAsync(imported.Id, dataset, cancellationToken);
            }
        }

        return await context.Catalog.ResolveAsync(reference, dataset, cancellationToken);
    }

    /// <summary>The set to diff against: the one asked for, else the previous version of ours, else the original labels.</summary>
    private async Task<(LabelSet Set, string Name)> CompareWithAsync(string? compare, LoadedLabelSet current, EvaluationDataset dataset, CancellationToken cancellationToken)
    {
        if (compare is not null)
        {
            var other = await context.Catalog.ResolveAsync(compare, dataset, cancellationToken);
            return (other.Labels, other.Labels.Id);
        }

        var versions = (await context.Catalog.ListAsync(cancellationToken)).Where(s => s.Kind == LabelSetKind.Version && s.Complete).ToList();
        var index = versions.FindIndex(v => v.Id == current.Labels.Id);
        if (index > 0)
        {
            var previous = await context.Catalog.ResolveAsync(versions[index - 1].Id, dataset, cancellationToken);
            return (previous.Labels, previous.Labels.Id);
        }

        return (new LabelSet("original labels", [.. dataset.OriginalLabels.Select(l => (IReadOnlyList<int>)[l])]), "original labels");
    }

    private async Task<GoldenEvaluation?> GoldenAsync(LoadedLabelSet loaded, EvaluationDataset dataset, CancellationToken cancellationToken)
    {
        var majority = await GoldenAnswers.ReadMajorityAsync(context.Store, context.Serializer, cancellationToken);
        var scored = new List<(double Score, bool Truth)>();
        var inSet = new List<(bool InSet, bool Truth)>();
        foreach (var ((file, label), truth) in majority)
        {
            if (!dataset.Images.TryFind(file, out var image))
            {
                continue;
            }

            // Unrated images keep their original label: such a question scores 1 if it is that label, else 0.
            var rated = loaded.Scores!.ContainsKey(image);
            var score = loaded.ScoreOf(image, label) ?? (!rated && dataset.OriginalLabels[image] == label ? 1.0 : 0.0);
            scored.Add((score, truth));
            inSet.Add((loaded.Labels.Contains(image, label), truth));
        }

        if (scored.Count == 0)
        {
            return null;
        }

        var threshold = loaded.Description.Threshold ?? double.NaN;
        return new GoldenEvaluation(scored.Count, scored.Count(q => q.Truth), PrecisionRecall.Curve(scored), PrecisionRecall.At(inSet, threshold));
    }

    private static IntegritySummary Summarize(ChainVerification verification) =>
        verification.Violation is null
            ? new IntegritySummary(true, verification.EventsChecked, null, string.Create(CultureInfo.InvariantCulture, $"hash chain intact up to position {verification.HeadPosition:N0}, head hash {verification.HeadHashHex[..16]}…"))
            : new IntegritySummary(false, verification.EventsChecked, verification.Violation.Position, verification.Violation.Reason);
}
