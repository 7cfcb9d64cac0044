using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Real.Hosting;
using Real.Hosting.ServiceHost;
using Real.Proposals.Pooling;

namespace Real.Proposals;

/// <summary>
/// The proposals service as its own process (`real service proposals`): GenerateProposals requests (queue
/// generate-proposals) run inference or read imported predictions, pool candidates, append the proposals and publish
/// RatingTaskCreated to the tools' tasks exchange.
/// </summary>
public static class ProposalsServiceHosting
{
    public const string Name = "proposals";

    public static RealServiceDefinition Definition { get; } = new(
        Name,
        "Generates rating tasks from model predictions (GenerateProposals) and publishes RatingTaskCreated.",
        (services, settings, configuration) => services.AddProposalsService(settings, configuration),
        AddConsumers: bus => bus.AddProposalsConsumers(),
        ReceiveQueues: [KebabCaseEndpointNameFormatter.Instance.Consumer<GenerateProposalsConsumer>()]);

    public static IServiceCollection AddProposalsService(this IServiceCollection services, RealSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRealEventStore(settings);
        services.AddProposals();
        return services;
    }
}
