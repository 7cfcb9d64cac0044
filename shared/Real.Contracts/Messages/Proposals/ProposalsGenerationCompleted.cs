namespace Real.Contracts.Messages.Proposals;

/// <summary>The reply to <see cref="GenerateProposals"/> (sent when the request asked for one): what the run did.</summary>
public sealed record ProposalsGenerationCompleted(
    Guid CommandId,
    string RunId,
    string DatasetId,
    int Images,
    int ImagesSent,
    int Tasks,
    int Questions,
    int PredictionsComputed);
