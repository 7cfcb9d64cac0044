using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Real.Hosting;
using Real.Hosting.ServiceHost;

namespace Real.Aggregation;

/// <summary>The aggregation service as its own process (`real service aggregation`): what it registers beside the host's store, logs, traces and health.</summary>
public static class AggregationServiceHosting
{
    public const string Name = "aggregation";

    public static RealServiceDefinition Definition { get; } = new(
        Name,
        "Turns ratings into label-set versions (RunAggregation, automatic re-runs).",
        (services, settings, configuration) => services.AddAggregationService(settings, configuration));

    public static IServiceCollection AddAggregationService(this IServiceCollection services, RealSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRealEventStore(settings);
        return services;
    }
}
