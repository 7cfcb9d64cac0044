namespace Real.RatingIntake.Importing.Files;

/// <summary>The outcome of `real import ratings`: counts, and every rejected row with its reason.</summary>
public sealed record RatingsFileImportReport(string Path, string ToolId, int Rows, int Recorded, int Duplicates, IReadOnlyList<RowRejection> Rejections)
{
    public int Rejected => Rejections.Count;
}
