namespace Real.Proposals.Generating;

/// <summary>A file that got no prediction, and why (unreadable, not an image, not in the data set).</summary>
public sealed record ImageFailure(string File, string Reason);
