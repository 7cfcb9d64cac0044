using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Real.Aggregation.AutoRerun;
using Real.Aggregation.Inputs;
using Real.Aggregation.LabelSets;
using Real.Aggregation.Rules;
using Real.Aggregation.Runs;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Hosting;

namespace Real.Aggregation;

public static class AggregationServiceCollectionExtensions
{
    /// <summary>
    /// The aggregation service's parts: the rule catalog, the animal classes from the ImageNet reference data, the
    /// runner and the label-set queries; with <paramref name="autoRerun"/>, the hosted service that re-runs
    /// aggregation as new crowd ratings arrive. Needs <c>AddRealEventStore</c>.
    /// </summary>
    public static IServiceCollection AddAggregation(this IServiceCollection services, RealSettings settings, AutoAggregationOptions? autoRerun = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(RuleCatalog.Standard);
        services.TryAddSingleton<IAnimalClasses>(_ => new ImageNetAnimalClasses(settings.ImageNetDirectory));
        services.TryAddSingleton(sp => new AggregationRunner(
            sp.GetRequiredService<IEventStore>(),
            sp.GetRequiredService<EventSerializer>(),
            sp.GetRequiredService<IAnimalClasses>(),
            sp.GetRequiredService<RuleCatalog>()));
        services.TryAddSingleton(sp => new LabelSetQueries(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EventSerializer>()));
        if (autoRerun is not null)
        {
            services.TryAddSingleton(autoRerun);
            services.TryAddSingleton<AutoAggregationService>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<AutoAggregationService>());
        }

        return services;
    }

    /// <summary>Registers the aggregation service's bus consumers (RunAggregation) with MassTransit.</summary>
    public static IBusRegistrationConfigurator AddAggregationConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<RunAggregationConsumer>();
        return bus;
    }
}
