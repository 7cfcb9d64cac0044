using Real.Contracts.Events.Proposals;
using Real.Proposals.Generating;

namespace Real.Proposals.Pooling;

/// <summary>
/// What a proposal run did: the models at their versions, each model's inference, how many images were pooled, sent
/// for rating or left with their original label, the tasks and questions made, and the events this call appended
/// (0 when the same run was done before).
/// </summary>
public sealed record ProposalRunResult(
    string RunId,
    string DatasetId,
    IReadOnlyList<ModelRef> Models,
    PoolingRule Rule,
    IReadOnlyList<GenerationResult> Generation,
    int Images,
    int ImagesSent,
    int ImagesKeepingOriginal,
    int Tasks,
    int Questions,
    int EventsAppended,
    int TasksPublished);
