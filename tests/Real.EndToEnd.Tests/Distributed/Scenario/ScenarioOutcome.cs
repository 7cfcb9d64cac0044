using Real.Contracts.Events.Aggregation;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>What a scenario run produced: the label set (rated images with scores and sets) and the recorded ratings.</summary>
public sealed record ScenarioOutcome(string LabelSetId, IReadOnlyList<ImageLabelSet> Images, IReadOnlyList<string> RecordedRatingIds, long ImagesRated);
