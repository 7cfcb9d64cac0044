using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Intake;

/// <summary>
/// A data set Real builds labels for: its classes (index = position) and its images (sorted by file name) with
/// their original single labels. Appended once to <c>dataset-{DatasetId}</c>.
/// </summary>
[EventType("DatasetRegistered")]
public sealed record DatasetRegistered(
    string DatasetId,
    string Name,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<string> ImageFiles,
    IReadOnlyList<int> OriginalLabels);
