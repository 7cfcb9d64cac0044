namespace Real.Aggregation.DawidSkene;

/// <summary>One rater's confusion matrix as two rows over (no, maybe, yes).</summary>
public sealed record RaterRows(IReadOnlyList<double> GivenNotFits, IReadOnlyList<double> GivenFits);
