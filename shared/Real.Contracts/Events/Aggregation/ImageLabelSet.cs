namespace Real.Contracts.Events.Aggregation;

/// <summary>
/// One rated image in a label set: its scored candidates (by label) and the labels that made the set (by label).
/// An empty <see cref="Labels"/> means the image is excluded from evaluation.
/// </summary>
public sealed record ImageLabelSet(string Image, IReadOnlyList<ScoredLabel> Candidates, IReadOnlyList<int> Labels);
