using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Real.Cli.Commands.Services;
using Real.Contracts.Messages.Aggregation;
using Real.EventStore;
using Real.Hosting.Messaging;
using Real.Hosting.ServiceHost;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// The embedded topology: every service in this process (`real service all`) on MassTransit's in-memory bus and a
/// SQLite store in a temporary home. The tool's batches go to the intake's submit queue as a trusted in-process sender.
/// </summary>
public sealed class EmbeddedTopology : IScenarioTopology
{
    private readonly WebApplication _app;
    private readonly TempDirectory _home;

    private EmbeddedTopology(WebApplication app, TempDirectory home)
    {
        _app = app;
        _home = home;
    }

    public IEventStore Store => _app.Services.GetRequiredService<IEventStore>();

    private IBus Bus => _app.Services.GetRequiredService<IBus>();

    public static async Task<EmbeddedTopology> StartAsync(string dataRoot, CancellationToken cancellationToken)
    {
        var home = new TempDirectory();
        var options = new RealServiceOptions { Home = home.Path, DataRoot = dataRoot, Store = "sqlite", Transport = "inmemory", Port = 0 };
        var app = await RealServiceHost.BuildAsync(ServiceCatalog.Everything, ServiceCatalog.All, options, cancellationToken);
        await app.StartAsync(cancellationToken);
        return new EmbeddedTopology(app, home);
    }

    public async Task SubmitAsync(byte[] body, string messageId, CancellationToken cancellationToken)
    {
        var endpoint = await Bus.GetSendEndpoint(new Uri($"queue:{ToolTopology.SubmitQueue}"));
        await endpoint.Send(new RawToolMessage(body), (SendContext<RawToolMessage> send) => ToolJsonSerializer.Use(send), cancellationToken);
    }

    public async Task<LabelSetCompleted> AggregateAsync(RunAggregation request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = Bus.CreateRequestClient<RunAggregation>(RequestTimeout.After(m: (int)Math.Ceiling(timeout.TotalMinutes)));
        var response = await client.GetResponse<LabelSetCompleted>(request, cancellationToken);
        return response.Message;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _home.Dispose();
    }
}
