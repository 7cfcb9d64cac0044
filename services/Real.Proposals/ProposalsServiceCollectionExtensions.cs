using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Real.Proposals.Datasets;
using Real.Proposals.Generating;
using Real.Proposals.Generating.Inference;
using Real.Proposals.Importing;
using Real.Proposals.Pooling;
using Real.Proposals.Predictions;
using Real.Proposals.Registering;

namespace Real.Proposals;

public static class ProposalsServiceCollectionExtensions
{
    /// <summary>
    /// The proposals service: model registry, inference, prediction imports and pooling. Needs the event store
    /// (AddRealEventStore) and, for publishing tasks, the bus (AddRealMessaging with <see cref="AddProposalsConsumers"/>).
    /// The execution-provider selector is a singleton so a missing CUDA is detected and logged once per process.
    /// </summary>
    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ExecutionProviderSelector>();
        services.TryAddSingleton<ILabelHierarchySource, ImageNetHierarchySource>();
        services.TryAddScoped<ITaskPublisher, BusTaskPublisher>();
        services.TryAddScoped<DatasetReader>();
        services.TryAddScoped<ModelCatalog>();
        services.TryAddScoped<ModelRegistrar>();
        services.TryAddScoped<RecordedPredictions>();
        services.TryAddScoped<PredictionWriter>();
        services.TryAddScoped<PredictionGenerator>();
        services.TryAddScoped<PredictionImporter>();
        services.TryAddScoped<ProposalRecorder>();
        services.TryAddScoped<ProposalRunner>();
        return services;
    }

    /// <summary>Adds the proposals service's consumers to the bus configuration (inside AddRealMessaging's callback).</summary>
    public static IBusRegistrationConfigurator AddProposalsConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<GenerateProposalsConsumer>();
        return bus;
    }
}
