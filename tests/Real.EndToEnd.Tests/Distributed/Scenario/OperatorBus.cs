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
    private readonly Action<string> _log;

    private OperatorBus(IBusControl bus, Action<string> log)
    {
        _bus = bus;
        _log = log;
    }

    /// <param name="log">Where to say how long a request waited for the bus to be healthy.</param>
    public static async Task<OperatorBus> StartAsync(Uri vhost, Action<string> log)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(vhost));
        using var started = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(started.Token);
        return new OperatorBus(bus, log);
    }

    /// <summary>The pending reply: callers may kill the handler (a fault drill) before awaiting it.</summary>
    public Task<Response<ProposalsGenerationCompleted>> GenerateProposalsAsync(GenerateProposals request) =>
        RequestAsync<GenerateProposals, ProposalsGenerationCompleted>(KebabCaseEndpointNameFormatter.Instance.Consumer<GenerateProposalsConsumer>(), request);

    public Task<Response<LabelSetCompleted>> RunAggregationAsync(RunAggregation request) =>
        RequestAsync<RunAggregation, LabelSetCompleted>(KebabCaseEndpointNameFormatter.Instance.Consumer<RunAggregationConsumer>(), request);

    private async Task<Response<TReply>> RequestAsync<TRequest, TReply>(string queue, TRequest request)
        where TRequest : class
        where TReply : class
    {
        await WaitUntilRepliesCanArriveAsync(typeof(TRequest).Name);
        return await _bus.CreateRequestClient<TRequest>(new Uri($"queue:{queue}"), RequestTimeout).GetResponse<TReply>(request);
    }

    /// <summary>
    /// The reply queue is the bus's temporary (non-durable) queue, so a broker restart deletes it, and MassTransit
    /// declares it again only on its receive endpoint's next reconnect attempt, seconds after the connection itself
    /// is back. A request sent in between reaches its handler, but the reply is published to an exchange with no
    /// queue bound and is dropped: the request times out although the work was done. So a request waits until
    /// the bus, reply endpoint included, reports healthy.
    /// </summary>
    private async Task WaitUntilRepliesCanArriveAsync(string request)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var status = await _bus.WaitForHealthStatus(BusHealthStatus.Healthy, ReconnectTimeout);
        if (status != BusHealthStatus.Healthy)
        {
            throw new TimeoutException($"The operator's bus is {status} after {ReconnectTimeout.TotalSeconds:0} s: {_bus.CheckHealth().Description}");
        }

        _log($"{request}: operator bus healthy after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
