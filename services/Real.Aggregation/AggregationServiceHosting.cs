using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Real.Aggregation.AutoRerun;
using Real.Aggregation.Runs;
using Real.Hosting;
using Real.Hosting.ServiceHost;

namespace Real.Aggregation;

/// <summary>
/// The aggregation service as its own process (`real service aggregation`): RunAggregation requests (queue
/// run-aggregation) append a new label-set version and publish LabelSetCompleted. With REAL_AUTO_AGGREGATE=true
/// (configuration key Real:AutoAggregate) it also re-runs by itself once new crowd ratings stop arriving; that is
/// opt-in because a run per quiet period is not what an operator replaying history with chosen rules wants.
/// </summary>
public static class AggregationServiceHosting
{
    public const string Name = "aggregation";

    /// <summary>Configuration key (environment REAL_AUTO_AGGREGATE) that turns the automatic re-runs on.</summary>
    public const string AutoAggregateKey = "REAL_AUTO_AGGREGATE";

    public static RealServiceDefinition Definition { get; } = new(
        Name,
        "Turns ratings into label-set versions (RunAggregation; automatic re-runs with REAL_AUTO_AGGREGATE=true).",
        (services, settings, configuration) => services.AddAggregationService(settings, configuration),
        AddConsumers: bus => bus.AddAggregationConsumers(),
        ReceiveQueues: [KebabCaseEndpointNameFormatter.Instance.Consumer<RunAggregationConsumer>()]);

    public static IServiceCollection AddAggregationService(this IServiceCollection services, RealSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRealEventStore(settings);
        var auto = (configuration[AutoAggregateKey] ?? configuration["Real:AutoAggregate"]) is { } value && bool.TryParse(value, out var on) && on;
        services.AddAggregation(settings, auto ? new AutoAggregationOptions() : null);
        return services;
    }
}
