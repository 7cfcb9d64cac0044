using Real.Contracts.Messages.Proposals;

namespace Real.Proposals.Pooling;

/// <summary>Hands rating tasks to the rating tools (the bus); separate so a run without a bus can say so.</summary>
public interface ITaskPublisher
{
    Task PublishAsync(IReadOnlyList<RatingTaskCreated> tasks, CancellationToken cancellationToken);
}
