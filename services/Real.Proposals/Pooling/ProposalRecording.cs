using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Pooling;

/// <summary>What <see cref="ProposalRecorder"/> wrote: the run's tasks, its question count and the events appended now.</summary>
public sealed record ProposalRecording(IReadOnlyList<RatingTaskIssued> Tasks, int Questions, int EventsAppended);
