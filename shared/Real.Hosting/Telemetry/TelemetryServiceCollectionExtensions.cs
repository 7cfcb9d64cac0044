using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Real.Hosting.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry tracing for one service process: Real's spans (appends), MassTransit's (publish, send, receive,
    /// consume; the trace context travels in each message's headers) and Npgsql's (one per command). Spans are always
    /// recorded, so events always get their trace id as correlation; they are exported over OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set, and as JSON lines to the file REAL_TRACE_FILE names.
    /// </summary>
    public static IServiceCollection AddRealTelemetry(this IServiceCollection services, string serviceName, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentNullException.ThrowIfNull(configuration);
        var otlpEndpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var traceFile = configuration["REAL_TRACE_FILE"] ?? configuration["Real:TraceFile"];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("real-" + serviceName, serviceNamespace: "real"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(RealTelemetry.SourceName, RealTelemetry.MassTransitSourceName, RealTelemetry.NpgsqlSourceName);
                if (!string.IsNullOrWhiteSpace(otlpEndpoint))
                {
                    tracing.AddOtlpExporter();
                }

                if (!string.IsNullOrWhiteSpace(traceFile))
                {
                    tracing.AddProcessor(new BatchActivityExportProcessor(new JsonLinesActivityExporter(traceFile, serviceName), scheduledDelayMilliseconds: 500));
                }
            });
        return services;
    }
}
