namespace Real.Reporting.Evaluation.LabelSets;

/// <summary>
/// A label set with what is known about it: how it was made, and (for our versions) the score of every rated
/// candidate, by image — the inputs of the score histogram and the precision-recall curve.
/// </summary>
public sealed record LoadedLabelSet(LabelSet Labels, LabelSetDescription Description, IReadOnlyDictionary<int, IReadOnlyList<ScoredCandidate>>? Scores)
{
    /// <summary>The score of (image, label), or null when the question was not rated.</summary>
    public double? ScoreOf(int image, int label) =>
        Scores is not null && Scores.TryGetValue(image, out var candidates) && candidates.FirstOrDefault(c => c.Label == label) is { } c ? c.Score : null;
}
