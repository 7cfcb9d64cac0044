namespace Real.RatingIntake.Catalog;

/// <summary>A rating task as issued (RatingTaskIssued): one image of a data set and its candidate labels.</summary>
public sealed record CatalogTask(string TaskId, string DatasetId, string Image, IReadOnlyList<int> Labels);
