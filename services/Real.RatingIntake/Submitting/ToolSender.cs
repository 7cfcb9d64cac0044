using MassTransit;
using Real.Hosting.Messaging;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// Who sent a submission, as far as the transport can vouch for it. On RabbitMQ, a message that came through the
/// tools' submit exchange was published with the tool's id as routing key, which RabbitMQ only allows for that tool's
/// user (topic permissions, infra/rabbitmq/create-tool-user.sh); if the publisher also set the AMQP user_id property,
/// RabbitMQ checked it against the connection's user, and it must name the same tool. Anything else reached the queue
/// from inside (in-memory bus, Real's own services), where the body's toolId is trusted.
/// </summary>
public sealed record ToolSender(string? AuthenticatedToolId, bool ViaToolExchange, bool OnRabbitMq, string? Refusal)
{
    public static ToolSender From(ConsumeContext context)
    {
        if (!context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit))
        {
            return new ToolSender(null, ViaToolExchange: false, OnRabbitMq: false, Refusal: null);
        }

        if (!string.Equals(rabbit.Exchange, ToolTopology.SubmitExchange, StringComparison.Ordinal))
        {
            return new ToolSender(null, ViaToolExchange: false, OnRabbitMq: true, Refusal: null);
        }

        var toolId = rabbit.RoutingKey;
        var userId = rabbit.Properties.UserId;
        if (!ToolTopology.IsValidToolId(toolId))
        {
            return new ToolSender(null, ViaToolExchange: true, OnRabbitMq: true,
                Refusal: $"routing key '{toolId}' is not a tool id; publish to {ToolTopology.SubmitExchange} with your tool id as routing key");
        }

        if (!string.IsNullOrEmpty(userId) && !string.Equals(userId, toolId, StringComparison.Ordinal))
        {
            return new ToolSender(toolId, ViaToolExchange: true, OnRabbitMq: true,
                Refusal: $"the message was published by RabbitMQ user '{userId}' with routing key '{toolId}'; a tool can only submit as itself");
        }

        return new ToolSender(toolId, ViaToolExchange: true, OnRabbitMq: true, Refusal: null);
    }
}
