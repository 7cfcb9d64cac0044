using MassTransit;

namespace Real.Hosting.Messaging;

/// <summary>How a receive endpoint that external tools write to is set up (the intake's submit endpoint).</summary>
public static class ToolEndpointConfiguration
{
    /// <summary>
    /// Accept plain JSON only and hand every body to the consumer as a <see cref="RawToolMessage"/> (also bodies
    /// without a content type). On RabbitMQ, bind the queue to the tools' submit exchange (topic, "#") instead of
    /// MassTransit's message-type exchanges: tools publish there with their own id as routing key.
    /// </summary>
    public static void ConfigureAsToolSubmitEndpoint(this IReceiveEndpointConfigurator endpoint)
    {
        var toolJson = new ToolJsonSerializerFactory();
        endpoint.ClearSerialization();
        endpoint.AddSerializer(toolJson);
        endpoint.AddDeserializer(toolJson, true);
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.ConfigureConsumeTopology = false;
            rabbit.Bind(ToolTopology.SubmitExchange, binding =>
            {
                binding.ExchangeType = RabbitMQ.Client.ExchangeType.Topic;
                binding.RoutingKey = "#";
            });
        }
    }
}
