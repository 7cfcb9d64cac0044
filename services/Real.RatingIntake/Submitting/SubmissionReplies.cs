using MassTransit;
using Real.Contracts.Messages.Intake;
using Real.Hosting.Messaging;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// Where a reply goes: published to the replies exchange (plain JSON, see AddRealMessaging). On RabbitMQ the routing
/// key is the tool's id, and only that tool may bind a queue with that key (topic permissions). On the in-memory bus
/// in-process subscribers get it. A result without any tool to answer is a poison message: it goes to the _error
/// queue with the reasons in its fault headers.
/// </summary>
public static class SubmissionReplies
{
    public static async Task SendAsync(ConsumeContext context, ToolSender sender, SubmissionResult result)
    {
        var reply = result.Reply;
        if (result.ReplyToolId is not { Length: > 0 } toolId || (sender.OnRabbitMq && !ToolTopology.IsValidToolId(toolId)))
        {
            throw new PoisonMessageException($"Unanswerable submission (no valid tool id from the transport or the body): {Describe(result)}");
        }

        await context.Publish(reply, reply.GetType(), Pipe.Execute<PublishContext>(publish =>
        {
            ToolJsonSerializer.Use(publish);
            if (publish.TryGetPayload<RoutingKeySendContext>(out var routed))
            {
                routed.RoutingKey = toolId;
            }
        }), context.CancellationToken);
    }

    private static string Describe(SubmissionResult result) =>
        result.Rejected is { } rejected
            ? string.Join("; ", rejected.BatchErrors.Select(e => $"{e.Field}: {e.Reason}").Concat(rejected.Rejected.Take(5).Select(r => $"{r.Field}: {r.Reason}")))
            : "accepted";
}
