using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Real.Contracts.Messages.Intake;
using Real.Contracts.Messages.Proposals;

namespace Real.Hosting.Messaging;

/// <summary>
/// One bus for every service, on the transport <see cref="RealSettings.Transport"/> names: MassTransit's in-memory
/// transport (embedded default, one process) or RabbitMQ (<see cref="RealSettings.RabbitMqUri"/>). Services register
/// their consumers in <c>configure</c>; endpoints are created by convention, each with the retry policy below.
/// Messages between Real's own services use MassTransit's envelope; the tool-facing ones (RatingTaskCreated, the
/// replies, the submit endpoint) are plain JSON, see <see cref="ToolTopology"/> and docs/rating-tool-protocol.md.
/// </summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>Delays between redeliveries of a message whose handler threw a transient error (store busy, broker hiccup).</summary>
    public static IReadOnlyList<TimeSpan> RetryIntervals { get; } = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    public static IServiceCollection AddRealMessaging(this IServiceCollection services, RealSettings settings, Action<IBusRegistrationConfigurator> configure)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseRealRetry());
            configure(bus);
            if (settings.Transport == "rabbitmq")
            {
                var uri = settings.RabbitMqUri
                    ?? throw new ArgumentException("The rabbitmq transport needs a URI: set REAL_RABBITMQ (make services-up prints one).");
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(uri));
                    cfg.ConfigureToolMessages();

                    // The exchanges tools bind their queues to must exist before any tool connects.
                    cfg.Publish<RatingTaskCreated>(publish => publish.ExchangeType = RabbitMQ.Client.ExchangeType.Fanout);
                    cfg.Publish<RatingsAccepted>(publish => publish.ExchangeType = RabbitMQ.Client.ExchangeType.Topic);
                    cfg.Publish<RatingsRejected>(publish => publish.ExchangeType = RabbitMQ.Client.ExchangeType.Topic);
                    cfg.DeployPublishTopology = true;
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.ConfigureToolMessages();
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return services;
    }

    /// <summary>
    /// Redeliver transient failures a few times, then MassTransit moves the message to "{queue}_error" with the
    /// exception in its headers. A <see cref="PoisonMessageException"/> goes there at once: retrying cannot help.
    /// </summary>
    public static void UseRealRetry(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry =>
        {
            retry.Intervals([.. RetryIntervals]);
            retry.Ignore<PoisonMessageException>();
        });

    /// <summary>
    /// Plain JSON for what tools see, on the exchanges they bind to: RatingTaskCreated to the tasks exchange, the two
    /// replies to the replies exchange (the publisher sets the tool's id as routing key).
    /// </summary>
    private static void ConfigureToolMessages(this IBusFactoryConfigurator cfg)
    {
        var toolJson = new ToolJsonSerializerFactory();
        cfg.AddSerializer(toolJson, false);
        cfg.AddDeserializer(toolJson);
        cfg.Message<RatingTaskCreated>(message => message.SetEntityName(ToolTopology.TasksExchange));
        cfg.Message<RatingsAccepted>(message => message.SetEntityName(ToolTopology.RepliesExchange));
        cfg.Message<RatingsRejected>(message => message.SetEntityName(ToolTopology.RepliesExchange));
        cfg.ConfigurePublish(publish => publish.UseExecute(context =>
        {
            if (context is PublishContext<RatingTaskCreated> or PublishContext<RatingsAccepted> or PublishContext<RatingsRejected>)
            {
                ToolJsonSerializer.Use(context);
            }
        }));
    }
}
