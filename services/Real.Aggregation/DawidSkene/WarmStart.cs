namespace Real.Aggregation.DawidSkene;

/// <summary>
/// Where EM starts instead of the soft majority: a previous run's prior and confusion rows, mapped onto this run's
/// rater indices. <see cref="Raters"/>[r] is null for a rater the previous run did not know; that rater starts
/// from the soft-majority estimate, as in a cold start.
/// </summary>
public sealed record WarmStart(double PriorFits, IReadOnlyList<RaterRows?> Raters);
