using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Real.EventStore;
using Real.Hosting.Messaging;
using Real.Hosting.Telemetry;

namespace Real.Hosting.ServiceHost;

/// <summary>
/// Runs Real's services as a process (`real service NAME`; one service, or all of them on one bus): configuration
/// from appsettings.json, an optional extra file and the environment; JSON logs; OpenTelemetry traces; the event
/// store opened with retries and wrapped so appends carry their trace; each service's own registrations; one bus
/// (AddRealMessaging) with every service's consumers, each endpoint retrying transient failures with backoff; an
/// HTTP listener with /health (store and bus checks; 200 when healthy, 503 otherwise) and /health/live (the process
/// answers). SIGTERM / Ctrl+C stop it gracefully: the bus stops consuming and in-flight messages finish or go back
/// to the broker.
/// </summary>
public static class RealServiceHost
{
    public const string HealthPath = "/health";

    public const string LivenessPath = "/health/live";

    public static Task<WebApplication> BuildAsync(RealServiceDefinition service, RealServiceOptions options, CancellationToken cancellationToken) =>
        BuildAsync(service?.Name!, [service!], options, cancellationToken);

    /// <param name="name">The process's service name in logs, traces and /health ("all" for every service in one).</param>
    public static async Task<WebApplication> BuildAsync(string name, IReadOnlyList<RealServiceDefinition> services, RealServiceOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "real-" + name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (options.ConfigFile is { } configFile)
        {
            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path))
            {
                throw new ArgumentException($"Configuration file not found: {path}");
            }

            builder.Configuration.AddJsonFile(path, optional: false);
            builder.Configuration.AddEnvironmentVariables();
        }

        var configuration = builder.Configuration;
        var settings = ServiceConfiguration.ResolveSettings(configuration, options);
        var port = ServiceConfiguration.ResolvePort(configuration, options);
        var address = ServiceConfiguration.ResolveAddress(configuration, options);
        builder.Logging.AddRealServiceLogging(configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, port);
            kestrel.AddServerHeader = false;
        });

        using (var startupLogs = LoggerFactory.Create(logging => logging.AddRealServiceLogging(configuration)))
        {
            var logger = startupLogs.CreateLogger("Real.Service");
            logger.LogInformation("Starting service {Service}: store {Store} ({Connection}), transport {Transport} ({Broker}), http {Address}:{Port}",
                name, settings.StoreBackend, RealSettingsRedaction.Redact(settings.StoreBackend == "postgres" ? settings.PostgresConnectionString : settings.SqlitePath),
                settings.Transport, RealSettingsRedaction.Redact(settings.RabbitMqUri), address, port);
            var store = new TracedEventStore(await StoreConnection.OpenWithRetryAsync(settings, logger, cancellationToken));

            // Registered before AddRealEventStore (which only adds what is missing), so every reader and writer is this one.
            builder.Services.AddSingleton<IEventStore>(_ => store);
        }

        builder.Services.AddRealEventStore(settings);
        builder.Services.AddRealTelemetry(name, configuration);
        builder.Services.AddHealthChecks().AddCheck<EventStoreHealthCheck>("event-store", tags: ["ready"]);
        foreach (var service in services)
        {
            service.AddServices(builder.Services, settings, configuration);
        }

        // One bus for the process; the transient retry goes inside AddRealMessaging's own retry (see TransientRetry).
        builder.Services.AddRealMessaging(settings, bus =>
        {
            bus.AddTransientRetry();
            foreach (var service in services)
            {
                service.AddConsumers?.Invoke(bus);
            }
        });

        var app = builder.Build();
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            ResponseWriter = (context, report) => HealthResponse.WriteAsync(context, report, name),
        });
        app.MapGet(LivenessPath, () => Results.Text("{\"status\":\"Alive\"}", "application/json"));
        foreach (var service in services)
        {
            service.MapEndpoints?.Invoke(app);
        }

        return app;
    }

    public static async Task RunAsync(string name, IReadOnlyList<RealServiceDefinition> services, RealServiceOptions options, CancellationToken cancellationToken)
    {
        await using var app = await BuildAsync(name, services, options, cancellationToken);
        await app.RunAsync();
    }
}
