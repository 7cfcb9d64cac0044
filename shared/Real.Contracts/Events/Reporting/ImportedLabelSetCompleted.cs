using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Reporting;

/// <summary>Last event of an imported label set: it is complete, with its size (evaluated = non-empty images).</summary>
[EventType("ImportedLabelSetCompleted")]
public sealed record ImportedLabelSetCompleted(
    string LabelSetId,
    int Images,
    int EvaluatedImages,
    int MultiLabelImages,
    long TotalLabels);
