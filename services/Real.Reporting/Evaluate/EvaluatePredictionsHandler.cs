using System.Runtime.CompilerServices;
using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.Predictions;

namespace Real.Reporting.Evaluate;

/// <summary>Resolves the label set, reads the predictions (files or stored) and evaluates each model.</summary>
public sealed class EvaluatePredictionsHandler(ReportingContext context)
{
    public async Task<EvaluationRun> HandleAsync(EvaluatePredictions query, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var dataset = await context.DatasetAsync(cancellationToken);
        var labelSet = (await context.Catalog.ResolveAsync(query.LabelSet, dataset, cancellationToken)).Labels;
        var models = new List<ModelEvaluation>();
        await foreach (var predictions in ReadPredictionsAsync(context, query.Predictions, dataset, progress, cancellationToken))
        {
            models.Add(ModelEvaluator.Evaluate(labelSet, dataset.OriginalLabels, predictions, dataset.ClassCount));
        }

        var (regression, fitted) = Regress(models);
        return new EvaluationRun(labelSet.Id, labelSet.Statistics, models, regression, fitted);
    }

    /// <summary>
    /// ReaL top-1 on original top-1 across the real models. The original labels "as a model" are left out: their
    /// original accuracy is 1 by definition, which says nothing about how models generalise.
    /// </summary>
    public static (RegressionResult? Regression, IReadOnlyList<string> Models) Regress(IReadOnlyList<ModelEvaluation> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var fitted = models.Where(m => m.ModelId != EvaluatePredictions.OriginalLabelsModelId).ToList();
        if (fitted.Count < 3 || fitted.Select(m => m.OriginalTop1).Distinct().Count() < 2)
        {
            return (null, []);
        }

        return (LinearRegression.Fit([.. fitted.Select(m => m.OriginalTop1)], [.. fitted.Select(m => m.ReaLTop1)]), [.. fitted.Select(m => m.ModelId)]);
    }

    /// <summary>
    /// The predictions <paramref name="reference"/> names: "original", stored ones (<see cref="StoredPredictions"/>:
    /// model:ID or stored), or a .npy/.csv file or a folder of them. A file or folder of that name wins over the keywords.
    /// </summary>
    public static async IAsyncEnumerable<TopKPredictions> ReadPredictionsAsync(
        ReportingContext context, string reference, EvaluationDataset dataset, Action<string>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dataset);
        var onDisk = File.Exists(reference) || Directory.Exists(reference);
        if (string.Equals(reference, EvaluatePredictions.OriginalLabels, StringComparison.OrdinalIgnoreCase) && !onDisk)
        {
            yield return TopKPredictions.FromTop1(EvaluatePredictions.OriginalLabelsModelId, dataset.OriginalLabels);
            yield break;
        }

        if (StoredPredictions.IsReference(reference) && !onDisk)
        {
            progress?.Invoke(reference);
            foreach (var stored in await StoredPredictions.ReadAsync(context.Store, context.Serializer, reference, dataset, cancellationToken: cancellationToken))
            {
                yield return stored;
            }

            yield break;
        }

        foreach (var file in PredictionFiles.Find(reference))
        {
            progress?.Invoke(file);
            yield return PredictionFiles.Read(file, dataset.Images, dataset.ClassCount);
        }
    }
}
