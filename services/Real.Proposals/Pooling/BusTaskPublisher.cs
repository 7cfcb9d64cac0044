using MassTransit;
using Real.Contracts.Messages.Proposals;

namespace Real.Proposals.Pooling;

/// <summary>Publishes RatingTaskCreated on the bus; MassTransit's messaging setup sends it as plain JSON to the tools' exchange.</summary>
public sealed class BusTaskPublisher(IPublishEndpoint publisher) : ITaskPublisher
{
    public Task PublishAsync(IReadOnlyList<RatingTaskCreated> tasks, CancellationToken cancellationToken) =>
        publisher.PublishBatch(tasks, cancellationToken);
}
