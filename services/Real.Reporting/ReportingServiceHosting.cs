using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Hosting;
using Real.Hosting.ServiceHost;
using Real.Hosting.Telemetry;
using Real.Reporting.Dashboard;

namespace Real.Reporting;

/// <summary>
/// The reporting service as its own process (`real service reporting`): the dashboard (label-set versions, image
/// derivations, diffs, /api/images/{file}) on the service's HTTP port beside /health, read from the shared store.
/// It consumes no messages: everything it shows is in the event store.
/// </summary>
public static class ReportingServiceHosting
{
    public const string Name = "reporting";

    public static RealServiceDefinition Definition { get; } = new(
        Name,
        "Serves the dashboard and audit answers (label sets, explain, diffs) over the store.",
        (services, settings, configuration) => services.AddReportingService(settings, configuration),
        MapEndpoints: app => app.MapDashboard(app.Services.GetRequiredService<ReportingContext>()));

    public static IServiceCollection AddReportingService(this IServiceCollection services, RealSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRealEventStore(settings);

        // ReportingContext disposes the store it is given; the container owns the store, so it gets a non-owning view.
        services.AddSingleton(sp => new ReportingContext(
            new TracedEventStore(sp.GetRequiredService<IEventStore>(), ownsInner: false), sp.GetRequiredService<EventSerializer>(), settings.ImageNetDirectory));
        return services;
    }
}
