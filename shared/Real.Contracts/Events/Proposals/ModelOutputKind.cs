namespace Real.Contracts.Events.Proposals;

/// <summary>What a classifier's output holds. Serialized as "logits" | "probabilities".</summary>
public enum ModelOutputKind
{
    /// <summary>Unnormalised scores; probabilities are their softmax over all outputs.</summary>
    Logits = 0,

    /// <summary>Already a distribution (the graph ends in a softmax); logits are not known.</summary>
    Probabilities = 1,
}
