using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Real.Hosting;
using Real.Hosting.Messaging;
using Real.RatingIntake.Submitting;
using Real.RatingIntake.Tests.Fakes;

namespace Real.RatingIntake.Tests.Submitting;

/// <summary>
/// The intake's submit consumer hosted on a real bus (in-memory, or RabbitMQ at <paramref name="rabbitMqUri"/>),
/// wired exactly as the service wires it (AddRealMessaging + AddRatingIntake), with the recorder replaced by
/// <see cref="InMemoryRatingRecorder"/>. On the in-memory bus, replies are collected in <see cref="Replies"/>.
/// </summary>
public sealed class IntakeBusHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IBusControl _bus;

    private IntakeBusHost(ServiceProvider provider)
    {
        _provider = provider;
        _bus = provider.GetRequiredService<IBusControl>();
    }

    public InMemoryRatingRecorder Recorder => _provider.GetRequiredService<InMemoryRatingRecorder>();

    public ReplyInbox Replies => _provider.GetRequiredService<ReplyInbox>();

    public IBus Bus => _bus;

    public static async Task<IntakeBusHost> StartAsync(Uri? rabbitMqUri = null)
    {
        var settings = new RealSettings
        {
            Home = Path.GetTempPath(),
            DataRoot = Path.GetTempPath(),
            Transport = rabbitMqUri is null ? "inmemory" : "rabbitmq",
            RabbitMqUri = rabbitMqUri?.ToString(),
        };
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<InMemoryRatingRecorder>();
        services.AddSingleton<IRatingBatchRecorder>(sp => sp.GetRequiredService<InMemoryRatingRecorder>());
        services.AddSingleton<ReplyInbox>();
        services.AddRatingIntake();
        services.AddRealMessaging(settings, bus =>
        {
            bus.AddRatingIntakeConsumers();
            if (rabbitMqUri is null)
            {
                bus.AddConsumer<ReplyCollector>();
            }
        });
        var host = new IntakeBusHost(services.BuildServiceProvider());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host._bus.StartAsync(cts.Token);
        return host;
    }

    /// <summary>Sends a body exactly as given (any bytes) to the submit queue, as a trusted in-process sender.</summary>
    public async Task SendRawAsync(byte[] body)
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{ToolTopology.SubmitQueue}"));
        await endpoint.Send(new RawToolMessage(body), (SendContext<RawToolMessage> send) => ToolJsonSerializer.Use(send));
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await _provider.DisposeAsync();
    }
}
