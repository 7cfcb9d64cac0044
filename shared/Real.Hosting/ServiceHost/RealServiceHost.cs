using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Real.EventStore;
using Real.Hosting.Telemetry;

namespace Real.Hosting.ServiceHost;

/// <summary>
/// Runs one of Real's services as its own process (`real service NAME`): configuration from appsettings.json, an
/// optional extra file and the environment; JSON logs; OpenTelemetry traces; the event store opened with retries
/// and wrapped so appends carry their trace; the service's own registrations; an HTTP listener with /health (store
/// and bus checks; 200 when healthy, 503 otherwise) and /health/live (the process answers). SIGTERM / Ctrl+C stop it
/// gracefully: the bus stops consuming and in-flight messages finish or go back to the broker.
/// </summary>
public static class RealServiceHost
{
    public const string HealthPath = "/health";

    public const string LivenessPath = "/health/live";

    public static async Task<WebApplication> BuildAsync(RealServiceDefinition service, RealServiceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "real-" + service.Name,
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
            logger.LogInformation("Starting service {Service}: store {Store}, transport {Transport}, http {Address}:{Port}",
                service.Name, settings.StoreBackend, settings.Transport, address, port);
            var store = new TracedEventStore(await StoreConnection.OpenWithRetryAsync(settings, logger, cancellationToken));

            // Registered before AddRealEventStore (which only adds what is missing), so every reader and writer is this one.
            builder.Services.AddSingleton<IEventStore>(_ => store);
        }

        builder.Services.AddRealEventStore(settings);
        builder.Services.AddRealTelemetry(service.Name, configuration);
        builder.Services.AddHealthChecks().AddCheck<EventStoreHealthCheck>("event-store", tags: ["ready"]);
        service.AddServices(builder.Services, settings, configuration);

        var app = builder.Build();
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            ResponseWriter = (context, report) => HealthResponse.WriteAsync(context, report, service.Name),
        });
        app.MapGet(LivenessPath, () => Results.Text("{\"status\":\"Alive\"}", "application/json"));
        service.MapEndpoints?.Invoke(app);
        return app;
    }

    public static async Task RunAsync(RealServiceDefinition service, RealServiceOptions options, CancellationToken cancellationToken)
    {
        await using var app = await BuildAsync(service, options, cancellationToken);
        await app.RunAsync();
    }
}
