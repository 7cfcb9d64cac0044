using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Aggregation;

/// <summary>
/// Last event of a label-set version: the version is complete and final. <see cref="MultiLabelShare"/> is the share
/// of rated images whose set holds two labels or more; <see cref="EmptySets"/> counts rated images whose set is
/// empty (excluded from evaluation); <see cref="Seconds"/> is the rule's compute time, reading and writing excluded.
/// </summary>
[EventType("AggregationCompleted")]
public sealed record AggregationCompleted(
    string LabelSetId,
    int ImagesRated,
    int QuestionsScored,
    int Votes,
    int Raters,
    double MultiLabelShare,
    int EmptySets,
    int Iterations,
    bool Converged,
    double Seconds,
    int LabelBatches,
    DateTimeOffset CompletedAt);
