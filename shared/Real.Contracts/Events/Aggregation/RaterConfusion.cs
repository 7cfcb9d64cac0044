namespace Real.Contracts.Events.Aggregation;

/// <summary>
/// One rater's estimated confusion matrix: P(answer | truth) over (no, maybe, yes) given "does not fit" and given
/// "fits", and the number of votes it rests on. The original ImageNet label appears as rater "imagenet:original-label".
/// </summary>
public sealed record RaterConfusion(string RaterId, int Votes, IReadOnlyList<double> GivenNotFits, IReadOnlyList<double> GivenFits);
