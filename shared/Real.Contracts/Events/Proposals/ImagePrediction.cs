namespace Real.Contracts.Events.Proposals;

/// <summary>A model's best labels for one image, best first (<see cref="Top"/>[0] is the top-1 prediction).</summary>
public sealed record ImagePrediction(string Image, IReadOnlyList<LabelScore> Top);
