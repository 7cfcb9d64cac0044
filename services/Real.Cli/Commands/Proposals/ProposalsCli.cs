using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Real.Hosting;
using Real.Hosting.Messaging;
using Real.Proposals;

namespace Real.Cli.Commands.Proposals;

/// <summary>
/// How the proposal verbs compose the service: the event store the settings name, the proposals service, warnings on
/// standard error, and (for verbs that publish tasks) the bus, started for the command and stopped after it.
/// </summary>
internal static class ProposalsCli
{
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static async Task<ServiceProvider> BuildAsync(RealSettings settings, bool withBus, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders().AddProvider(new StderrLoggerProvider()).SetMinimumLevel(LogLevel.Warning));
        services.AddRealEventStore(settings);
        services.AddProposals();
        if (withBus && settings.Transport == "rabbitmq")
        {
            // Publish only: the tasks go to the tools' exchange, declared with the protocol's topology. No consumers:
            // the proposals queue on the broker belongs to the proposals service, which this command must not compete with.
            services.AddRealMessaging(settings, _ => { });
        }
        else if (withBus)
        {
            services.AddMassTransit(bus =>
            {
                bus.AddProposalsConsumers();
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            });
        }

        var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<Real.EventStore.IEventStore>().InitializeAsync(cancellationToken);
            if (withBus)
            {
                await provider.GetRequiredService<IBusControl>().StartAsync(cancellationToken);
            }

            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public static async Task StopAsync(ServiceProvider provider)
    {
        if (provider.GetService<IBusControl>() is { } bus)
        {
            await bus.StopAsync();
        }

        await provider.DisposeAsync();
    }

    /// <summary>Runs <paramref name="action"/>, turning the service's user-facing failures into the CLI's.</summary>
    public static async Task<T> UserFacing<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ProposalsException ex)
        {
            throw new UserFacingException(ex.Message, ex);
        }
        catch (Real.Proposals.Generating.Inference.CudaUnavailableException ex)
        {
            throw new UserFacingException(ex.Message, ex);
        }
    }
}
