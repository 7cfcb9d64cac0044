using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Reporting;

/// <summary>
/// A batch of an imported label set: <see cref="Labels"/>[j] holds the class indices of image
/// <see cref="FirstImage"/> + j (validation-file order); an empty list excludes that image from evaluation.
/// </summary>
[EventType("ImportedLabelsRecorded")]
public sealed record ImportedLabelsRecorded(string LabelSetId, int FirstImage, IReadOnlyList<IReadOnlyList<int>> Labels);
