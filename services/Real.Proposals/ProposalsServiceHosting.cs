using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Real.Hosting;
using Real.Hosting.ServiceHost;

namespace Real.Proposals;

/// <summary>The proposals service as its own process (`real service proposals`): what it registers beside the host's store, logs, traces and health.</summary>
public static class ProposalsServiceHosting
{
    public const string Name = "proposals";

    public static RealServiceDefinition Definition { get; } = new(
        Name,
        "Generates rating tasks from model predictions (GenerateProposals) and publishes RatingTaskCreated.",
        (services, settings, configuration) => services.AddProposalsService(settings, configuration));

    public static IServiceCollection AddProposalsService(this IServiceCollection services, RealSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRealEventStore(settings);
        return services;
    }
}
