namespace Real.RatingIntake.Catalog;

/// <summary>Read-only lookups into a <see cref="QuestionCatalog"/>, valid only inside <see cref="QuestionCatalog.Read"/>.</summary>
public readonly struct CatalogView
{
    private readonly QuestionCatalog _catalog;

    internal CatalogView(QuestionCatalog catalog) => _catalog = catalog;

    /// <summary>The data set, when it is registered (a data set only named by questions or tasks does not count).</summary>
    public CatalogDataset? Dataset(string datasetId) =>
        _catalog.TryGetDataset(datasetId, out var dataset) && dataset.IsRegistered ? dataset : null;

    public CatalogTask? Task(string taskId) => _catalog.TryGetTask(taskId, out var task) ? task : null;
}
