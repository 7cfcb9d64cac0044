using MassTransit;
using Real.Hosting.Messaging;

namespace Real.RatingIntake.Submitting;

/// <summary>The tool endpoint: queue real.ratings.submit, plain JSON in, bound to the tools' submit exchange on RabbitMQ.</summary>
public sealed class SubmitRatingsConsumerDefinition : ConsumerDefinition<SubmitRatingsConsumer>
{
    public SubmitRatingsConsumerDefinition()
    {
        EndpointName = ToolTopology.SubmitQueue;

        // Two in flight: one batch is validated while the other is appended. Appends serialise on the store's log head,
        // so more only add CPU contention while the lock holder computes its hashes: on 2 cores, 1M ratings through
        // RabbitMQ + PostgreSQL ran at 12k–33k/s with 8, 39k–41k/s with 2, 33k/s with 1 (`real bench distributed`).
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<SubmitRatingsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.ConfigureAsToolSubmitEndpoint();
}
