using MassTransit;
using Microsoft.Extensions.Logging;
using Real.Contracts.Messages.Intake;
using Real.Hosting.Messaging;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// Consumes SubmitRatings bodies from the tool endpoint (queue real.ratings.submit) and answers each with one
/// RatingsAccepted or RatingsRejected. Bodies arrive unparsed (<see cref="RawToolMessage"/>) so that every malformed
/// message gets a precise reason. Idempotent: the recorder derives event ids from (tool, rating id), so a redelivered
/// or re-sent batch appends nothing and is answered with the same acceptance. Only a message nobody can be answered
/// for (no tool id from the transport or the body) is thrown out, to real.ratings.submit_error with its reason.
/// </summary>
public sealed class SubmitRatingsConsumer(RatingSubmissionHandler handler, ILogger<SubmitRatingsConsumer> logger) : IConsumer<RawToolMessage>
{
    public async Task Consume(ConsumeContext<RawToolMessage> context)
    {
        var sender = ToolSender.From(context);
        SubmissionResult result;
        if (sender.Refusal is not null)
        {
            result = new SubmissionResult(SubmissionVerdict.Forbidden, sender.AuthenticatedToolId, null,
                new RatingsRejected(null, sender.AuthenticatedToolId, [new BatchError("routingKey", null, sender.Refusal)], [], [], []));
        }
        else
        {
            result = await handler.HandleAsync(context.Message.Body, sender.AuthenticatedToolId, context.CancellationToken);
        }

        if (result.Verdict != SubmissionVerdict.Accepted)
        {
            logger.LogInformation("Batch {BatchId} from tool {ToolId}: {Verdict}", result.BatchId, result.ReplyToolId, result.Verdict);
        }

        await SubmissionReplies.SendAsync(context, sender, result);
    }
}
