namespace Real.Contracts.Events.Aggregation;

/// <summary>A rated candidate label of an image and its score (P(the label fits) for model-based rules).</summary>
public sealed record ScoredLabel(int Label, double Score);
