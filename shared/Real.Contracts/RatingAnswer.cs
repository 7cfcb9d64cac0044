namespace Real.Contracts;

/// <summary>A rater's answer to "does this label fit this image?". Serialized as "no" | "maybe" | "yes".</summary>
public enum RatingAnswer
{
    No = 0,
    Maybe = 1,
    Yes = 2,
}
