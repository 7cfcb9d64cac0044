using MassTransit;
using Real.Contracts.Messages.Aggregation;

namespace Real.Aggregation.Runs;

/// <summary>
/// Handles the <see cref="RunAggregation"/> bus message: runs the aggregation and publishes (and, for a request,
/// responds with) <see cref="LabelSetCompleted"/>. Idempotent under redelivery: the run id maps to one label set.
/// Bad requests (unknown rule, bad parameter, position beyond the log) fail the message with the reason.
/// </summary>
public sealed class RunAggregationConsumer(AggregationRunner runner) : IConsumer<RunAggregation>
{
    public async Task Consume(ConsumeContext<RunAggregation> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var request = new AggregationRequest
        {
            RunId = message.RunId,
            DatasetId = message.DatasetId,
            Rule = message.Rule,
            Parameters = message.Parameters ?? new Dictionary<string, string>(),
            AsOf = message.AsOfPosition is { } position ? AsOfPoint.AtPosition(position) : message.AsOfTime is { } time ? AsOfPoint.AtTime(time) : null,
            LabelSetId = message.LabelSetId,
            WarmStartFrom = message.WarmStartFrom,
        };
        var result = await runner.RunAsync(request, context.CancellationToken);
        var completed = new LabelSetCompleted(
            message.RunId,
            result.LabelSetId,
            result.Started.DatasetId,
            result.Started.Rule,
            result.Started.RuleVersion,
            result.Started.InputUpToPosition,
            result.Completed.ImagesRated,
            result.Completed.EmptySets,
            result.Completed.MultiLabelShare,
            result.AlreadyExisted);
        if (context.RequestId is not null)
        {
            await context.RespondAsync(completed);
        }

        await context.Publish(completed, context.CancellationToken);
    }
}
