using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Proposals;

/// <summary>
/// The candidates of one proposal run for a batch of images, appended to <c>proposals-{DatasetId}</c>. A run is
/// identified by <see cref="RunId"/>, derived from the data set, the models at their versions, the rule and the
/// images, so running the same proposal again appends nothing. Batches of one run share the run id and are
/// numbered <see cref="BatchIndex"/> of <see cref="BatchCount"/>.
/// </summary>
[EventType("ProposalsGenerated")]
public sealed record ProposalsGenerated(
    string RunId,
    string DatasetId,
    IReadOnlyList<ModelRef> Models,
    PoolingRule Rule,
    int BatchIndex,
    int BatchCount,
    IReadOnlyList<ImageProposals> Images);
