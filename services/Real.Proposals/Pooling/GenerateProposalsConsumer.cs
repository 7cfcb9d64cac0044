using MassTransit;
using Real.Contracts.Events.Proposals;
using Real.Contracts.Messages.Proposals;
using Real.Proposals.Generating.Inference;

namespace Real.Proposals.Pooling;

/// <summary>
/// Runs a proposal run for a <see cref="GenerateProposals"/> message. A redelivered message repeats the run, which
/// appends nothing new (all ids derive from the run's inputs) and republishes the same tasks. Replies with
/// <see cref="ProposalsGenerationCompleted"/> when the sender asked for a response.
/// </summary>
public sealed class GenerateProposalsConsumer(ProposalRunner runner) : IConsumer<GenerateProposals>
{
    public async Task Consume(ConsumeContext<GenerateProposals> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var request = new ProposeRequest
        {
            DatasetId = message.DatasetId,
            ModelIds = message.ModelIds,
            ImagesDirectory = message.ImagesDirectory,
            Rule = new PoolingRule(message.TopK, message.MinModels, message.MaxCandidates, message.MaxLabelsPerTask),
            Inference = new InferenceOptions(),
            CorrelationId = message.CommandId.ToString(),
        };
        var result = await runner.RunAsync(request, null, context.CancellationToken);
        if (context.ResponseAddress is not null)
        {
            await context.RespondAsync(new ProposalsGenerationCompleted(
                message.CommandId, result.RunId, result.DatasetId, result.Images, result.ImagesSent, result.Tasks, result.Questions,
                result.Generation.Sum(g => g.Computed)));
        }
    }
}
