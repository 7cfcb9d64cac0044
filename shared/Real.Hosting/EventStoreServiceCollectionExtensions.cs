using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Real.Contracts;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Hosting;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the event store the settings name (one instance per container, disposed with it) under
    /// <see cref="IEventStore"/>, <see cref="IEventReader"/>, <see cref="IEventWriter"/> and <see cref="ICheckpointStore"/>,
    /// plus the <see cref="EventTypeRegistry"/> (every [EventType] in Real.Contracts) and the <see cref="EventSerializer"/>.
    /// </summary>
    public static IServiceCollection AddRealEventStore(this IServiceCollection services, RealSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(_ => EventStoreFactory.Create(settings));
        services.TryAddSingleton<IEventReader>(sp => sp.GetRequiredService<IEventStore>());
        services.TryAddSingleton<IEventWriter>(sp => sp.GetRequiredService<IEventStore>());
        services.TryAddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<IEventStore>());
        services.TryAddSingleton(_ => new EventTypeRegistry().RegisterAssembly(typeof(StreamNames).Assembly));
        services.TryAddSingleton<EventSerializer>();
        return services;
    }
}
