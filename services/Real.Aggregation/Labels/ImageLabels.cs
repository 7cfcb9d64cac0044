namespace Real.Aggregation.Labels;

/// <summary>One rated image's outcome: every rated candidate with its score (by label), and the labels in its set (by label).</summary>
public sealed record ImageLabels(int Image, IReadOnlyList<int> Candidates, IReadOnlyList<double> Scores, IReadOnlyList<int> Set)
{
    public bool IsExcluded => Set.Count == 0;
}
