using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Real.Hosting.ServiceHost;

/// <summary>
/// Structured logs of a service process: one JSON object per line on stdout with UTC timestamp, level, category,
/// message, its named values and the trace/span ids of the current span (so a log line leads to its trace).
/// REAL_LOG_FORMAT=text switches to the plain console format for a person reading along. Levels come from the
/// "Logging" section of appsettings.json as usual.
/// </summary>
public static class ServiceLogging
{
    public static ILoggingBuilder AddRealServiceLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (string.Equals(ServiceConfiguration.Get(configuration, "REAL_LOG_FORMAT"), "text", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
        else
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return logging;
    }
}
