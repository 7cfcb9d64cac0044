using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Aggregation;

/// <summary>
/// One batch of a label set's rated images, in image order (<see cref="Batch"/> counts from 0). Images never
/// rated do not appear: they keep their original label.
/// </summary>
[EventType("LabelsDerived")]
public sealed record LabelsDerived(string LabelSetId, int Batch, IReadOnlyList<ImageLabelSet> Images);
