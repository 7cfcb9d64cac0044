using MassTransit;
using Real.Contracts.Messages.Intake;
using Real.Hosting.Messaging;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// Where a reply goes. RabbitMQ: the replies exchange (topic) with the tool's id as routing key, where only that
/// tool may bind. In-memory bus: published, for in-process subscribers. A result without any tool to answer is a
/// poison message: it goes to the _error queue with the reasons in its fault headers.
/// </summary>
public static class SubmissionReplies
{
    public static readonly Uri RepliesExchangeAddress = new($"exchange:{ToolTopology.RepliesExchange}?type=topic&durable=true");

    public static async Task SendAsync(ConsumeContext context, ToolSender sender, SubmissionResult result)
    {
        var reply = result.Reply;
        if (result.ReplyToolId is not { Length: > 0 } toolId || (sender.OnRabbitMq && !ToolTopology.IsValidToolId(toolId)))
        {
            throw new PoisonMessageException($"Unanswerable submission (no valid tool id from the transport or the body): {Describe(result)}");
        }

        if (sender.OnRabbitMq)
        {
            var endpoint = await context.GetSendEndpoint(RepliesExchangeAddress);
            await endpoint.Send(reply, reply.GetType(), Pipe.Execute<SendContext>(send =>
            {
                ToolJsonSerializer.Use(send);
                send.SetRoutingKey(toolId);
            }), context.CancellationToken);
        }
        else
        {
            await context.Publish(reply, reply.GetType(), Pipe.Execute<PublishContext>(ToolJsonSerializer.Use), context.CancellationToken);
        }
    }

    private static string Describe(SubmissionResult result) =>
        result.Rejected is { } rejected
            ? string.Join("; ", rejected.BatchErrors.Select(e => $"{e.Field}: {e.Reason}").Concat(rejected.Rejected.Take(5).Select(r => $"{r.Field}: {r.Reason}")))
            : "accepted";
}
