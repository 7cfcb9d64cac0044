using Real.Aggregation.DawidSkene;

namespace Real.Aggregation.Rules;

/// <summary>One rater's estimated confusion rows and how many votes they rest on.</summary>
public sealed record RaterEstimate(string RaterId, int Votes, RaterRows Rows);
