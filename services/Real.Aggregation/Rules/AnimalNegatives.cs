namespace Real.Aggregation.Rules;

/// <summary>Which other candidates of an animal image the original-label rater answers "no" on.</summary>
public enum AnimalNegatives
{
    /// <summary>Every other candidate (the rule as stated in the issue; the default).</summary>
    AllCandidates,

    /// <summary>Only other animal candidates: an expert's species label says nothing about non-animal objects.</summary>
    AnimalCandidates,
}
