namespace Real.Aggregation.Inputs;

/// <summary>
/// The votes read from the log up to <see cref="UpToPosition"/>: <see cref="Ratings"/> RatingRecorded events of the
/// role and data set asked for (re-ratings included; the input keeps the latest of each), out of
/// <see cref="EventsRead"/> events of the ratings category.
/// </summary>
public sealed record RatingLogSnapshot(AggregationInput Input, long UpToPosition, long EventsRead, long Ratings, long LastRatingPosition);
