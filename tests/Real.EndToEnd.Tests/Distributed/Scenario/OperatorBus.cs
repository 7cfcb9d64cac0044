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
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromMinutes(2);
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
    public async Task<Response<ProposalsGenerationCompleted>> GenerateProposalsAsync(GenerateProposals request)
    {
        await WaitUntilRepliesCanArriveAsync();
        return await _bus.CreateRequestClient<GenerateProposals>(Queue(KebabCaseEndpointNameFormatter.Instance.Consumer<GenerateProposalsConsumer>()), RequestTimeout)
            .GetResponse<ProposalsGenerationCompleted>(request);
    }

    public async Task<Response<LabelSetCompleted>> RunAggregationAsync(RunAggregation request)
    {
        await WaitUntilRepliesCanArriveAsync();
        return await _bus.CreateRequestClient<RunAggregation>(Queue(KebabCaseEndpointNameFormatter.Instance.Consumer<RunAggregationConsumer>()), RequestTimeout)
            .GetResponse<LabelSetCompleted>(request);
    }

    /// <summary>
    /// The reply queue is the bus's temporary (non-durable) queue, so a broker restart deletes it, and MassTransit
    /// declares it again only on its receive endpoint's next reconnect attempt, seconds after the connection itself
    /// is back. A request sent in between reaches its handler, but the reply is published to an exchange with no
    /// queue bound and is dropped: the request times out although the work was done. So a request waits until
    /// the bus, reply endpoint included, reports healthy.
    /// </summary>
    /// <returns>How long it waited.</returns>
    public async Task<TimeSpan> WaitUntilRepliesCanArriveAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var status = await _bus.WaitForHealthStatus(BusHealthStatus.Healthy, ReconnectTimeout);
        if (status != BusHealthStatus.Healthy)
        {
            throw new TimeoutException($"The operator's bus is {status} after {ReconnectTimeout.TotalSeconds:0} s: {_bus.CheckHealth().Description}");
        }

        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    private static Uri Queue(string name) => new($"queue:{name}");
}
