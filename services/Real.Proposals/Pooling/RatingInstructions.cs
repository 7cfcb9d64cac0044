namespace Real.Proposals.Pooling;

/// <summary>What raters are told for every proposal task (after the ReaL study's question: is this label present?).</summary>
public static class RatingInstructions
{
    public const string Default =
        "For each label, answer yes if an object of that class is clearly visible in the image, maybe if you are unsure, and no otherwise. Several labels may fit.";
}
