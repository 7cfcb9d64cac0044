namespace Real.Contracts.Messages.Proposals;

/// <summary>One label a rater is asked about: the class index in the data set's class list and its readable name.</summary>
public sealed record CandidateLabel(int ClassIndex, string ClassName);
