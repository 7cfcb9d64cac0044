namespace Real.Aggregation.DawidSkene;

/// <summary>One rater's answer on one question, by their indices in a <see cref="VoteMatrix"/>.</summary>
public readonly record struct Vote(int Question, int Rater, Answer Answer);
