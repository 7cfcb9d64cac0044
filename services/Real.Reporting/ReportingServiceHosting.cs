using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Real.Hosting;
using Real.Hosting.ServiceHost;

namespace Real.Reporting;

/// <summary>The reporting service as its own process (`real service reporting`): what it registers beside the host's store, logs, traces and health.</summary>
public static class ReportingServiceHosting
{
    public const string Name = "reporting";

    public static RealServiceDefinition Definition { get; } = new(
        Name,
        "Serves the dashboard and audit answers over the store.",
        (services, settings, configuration) => services.AddReportingService(settings, configuration));

    public static IServiceCollection AddReportingService(this IServiceCollection services, RealSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRealEventStore(settings);
        return services;
    }
}
