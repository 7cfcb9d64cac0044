namespace Real.RatingIntake.Validation;

/// <summary>One batch of ratings from one tool for one data set. <see cref="BatchId"/> is recorded with each rating.</summary>
public sealed record RatingBatch(SubmittingTool Tool, string BatchId, string DatasetId, IReadOnlyList<IncomingRating> Ratings);
