namespace Real.Aggregation.DawidSkene;

/// <summary>A rater's answer as the engine indexes it; the same order as <c>Real.Contracts.RatingAnswer</c>.</summary>
public enum Answer : byte
{
    No = 0,
    Maybe = 1,
    Yes = 2,
}
