using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Reporting;

/// <summary>
/// A published label set (e.g. the paper's real.json) being imported for evaluation and comparison; first event of
/// <c>importedlabelset-{LabelSetId}</c>. <see cref="Sha256"/> is the hash of the imported file: event ids derive from
/// it, so importing the same file again appends nothing. Images are positions in validation-file order.
/// </summary>
[EventType("ImportedLabelSetStarted")]
public sealed record ImportedLabelSetStarted(
    string LabelSetId,
    string DatasetId,
    string Format,
    string SourceFile,
    string Sha256,
    int Images,
    int BatchSize);
