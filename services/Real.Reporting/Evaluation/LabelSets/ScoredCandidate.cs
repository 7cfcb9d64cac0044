namespace Real.Reporting.Evaluation.LabelSets;

/// <summary>A rated candidate label of an image and its score (P(the label fits)).</summary>
public sealed record ScoredCandidate(int Label, double Score);
