using MassTransit;
using Real.Aggregation.Runs;
using Real.Contracts.Messages.Aggregation;
using Real.Contracts.Messages.Proposals;
using Real.Proposals.Pooling;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// What an operator's client sends the services over RabbitMQ: GenerateProposals to the proposals service and
/// RunAggregation to the aggregation service, as MassTransit requests to their queues, waiting for the reply. The
/// replies come to this bus's own temporary queue, so a request whose handler was killed and redelivered is still
/// answered (the timeout covers the restart).
/// </summary>
public sealed class OperatorBus : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);
    private readonly IBusControl _bus;

    private OperatorBus(IBusControl bus) => _bus = bus;

    public static async Task<OperatorBus> StartAsync(Uri vhost)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(vhost));
        using var started = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(started.Token);
        return new OperatorBus(bus);
    }

    /// <summary>Sends the request without waiting (for a fault drill that kills the handler mid-run).</summary>
    public Task<Response<ProposalsGenerationCompleted>> GenerateProposalsAsync(GenerateProposals request) =>
        _bus.CreateRequestClient<GenerateProposals>(Queue(KebabCaseEndpointNameFormatter.Instance.Consumer<GenerateProposalsConsumer>()), RequestTimeout)
            .GetResponse<ProposalsGenerationCompleted>(request);

    public Task<Response<LabelSetCompleted>> RunAggregationAsync(RunAggregation request) =>
        _bus.CreateRequestClient<RunAggregation>(Queue(KebabCaseEndpointNameFormatter.Instance.Consumer<RunAggregationConsumer>()), RequestTimeout)
            .GetResponse<LabelSetCompleted>(request);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    private static Uri Queue(string name) => new($"queue:{name}");
}
