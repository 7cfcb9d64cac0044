namespace Real.Contracts.Events.Proposals;

/// <summary>
/// One predicted label with the scores known for it: the logit (null when the model outputs probabilities or an
/// import gave only probabilities) and the probability (softmax over all of the model's outputs; null when an import
/// gave only top-k logits, from which no distribution can be recovered).
/// </summary>
public sealed record LabelScore(int Label, float? Logit, float? Probability);
