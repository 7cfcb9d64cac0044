namespace Real.Reporting.Evaluation;

/// <summary>One image whose label set differs between two label sets.</summary>
public sealed record ImageLabelChange(int Image, IReadOnlyList<int> Before, IReadOnlyList<int> After, IReadOnlyList<int> Added, IReadOnlyList<int> Removed);
