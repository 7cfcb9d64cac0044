using MassTransit;
using Real.Hosting.Messaging;

namespace Real.RatingIntake.Submitting;

/// <summary>The tool endpoint: queue real.ratings.submit, plain JSON in, bound to the tools' submit exchange on RabbitMQ.</summary>
public sealed class SubmitRatingsConsumerDefinition : ConsumerDefinition<SubmitRatingsConsumer>
{
    public SubmitRatingsConsumerDefinition()
    {
        EndpointName = ToolTopology.SubmitQueue;

        // Batches of one tool are recorded in order per stream by the store; a few in flight keep the store busy.
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<SubmitRatingsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.ConfigureAsToolSubmitEndpoint();
}
