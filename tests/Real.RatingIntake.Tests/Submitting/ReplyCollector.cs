using MassTransit;
using Real.Contracts.Messages.Intake;

namespace Real.RatingIntake.Tests.Submitting;

/// <summary>Subscribes to the replies the intake publishes on the in-memory bus.</summary>
public sealed class ReplyCollector(ReplyInbox inbox) : IConsumer<RatingsAccepted>, IConsumer<RatingsRejected>
{
    public Task Consume(ConsumeContext<RatingsAccepted> context)
    {
        inbox.Add(context.Message.BatchId, context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<RatingsRejected> context)
    {
        inbox.Add(context.Message.BatchId, context.Message);
        return Task.CompletedTask;
    }
}
