namespace Real.Reporting.Evaluation.LabelSets;

/// <summary>A kind of stored label set the catalog can list and load (our versions, imported published sets).</summary>
public interface ILabelSetSource
{
    Task<IReadOnlyList<LabelSetSummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The labels in validation-file order, or null when this source has no set with that id.</summary>
    Task<LoadedLabelSet?> LoadAsync(string labelSetId, EvaluationDataset dataset, CancellationToken cancellationToken = default);
}
