using Microsoft.Extensions.Configuration;

namespace Real.Hosting.ServiceHost;

/// <summary>
/// Reads a service's settings from its configuration: the command line wins, then the environment (REAL_STORE,
/// REAL_PG, REAL_TRANSPORT, REAL_RABBITMQ, REAL_HOME, REAL_DATA, REAL_HTTP_PORT, REAL_HTTP_ADDRESS), then the
/// "Real" section of appsettings.json (Store, Postgres, Transport, RabbitMq, Home, Data, Http:Port, Http:Address).
/// Secrets (passwords in REAL_PG / REAL_RABBITMQ) belong in the environment, never in a committed appsettings file.
/// </summary>
public static class ServiceConfiguration
{
    public const int DefaultPort = 8080;

    private static readonly Dictionary<string, string> SectionKeys = new(StringComparer.Ordinal)
    {
        ["REAL_HOME"] = "Real:Home",
        ["REAL_STORE"] = "Real:Store",
        ["REAL_PG"] = "Real:Postgres",
        ["REAL_TRANSPORT"] = "Real:Transport",
        ["REAL_RABBITMQ"] = "Real:RabbitMq",
        ["REAL_DATA"] = "Real:Data",
        ["REAL_HTTP_PORT"] = "Real:Http:Port",
        ["REAL_HTTP_ADDRESS"] = "Real:Http:Address",
    };

    /// <summary>The value of an environment-style key: the environment variable, else its appsettings key.</summary>
    public static string? Get(IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[name] is { Length: > 0 } value)
        {
            return value;
        }

        return SectionKeys.TryGetValue(name, out var key) && configuration[key] is { Length: > 0 } fromFile ? fromFile : null;
    }

    public static RealSettings ResolveSettings(IConfiguration configuration, RealServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RealSettingsResolver.Resolve(
            options.Home, options.Store, options.Postgres, options.DataRoot, options.Transport, options.RabbitMq,
            name => Get(configuration, name));
    }

    public static int ResolvePort(IConfiguration configuration, RealServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is { } port)
        {
            return port;
        }

        var text = Get(configuration, "REAL_HTTP_PORT");
        if (text is null)
        {
            return DefaultPort;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 65535
            ? parsed
            : throw new ArgumentException($"REAL_HTTP_PORT / Real:Http:Port must be a port number (0-65535), not '{text}'.");
    }

    public static System.Net.IPAddress ResolveAddress(IConfiguration configuration, RealServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = options.Address ?? Get(configuration, "REAL_HTTP_ADDRESS") ?? "127.0.0.1";
        return System.Net.IPAddress.TryParse(text, out var address)
            ? address
            : throw new ArgumentException($"REAL_HTTP_ADDRESS / Real:Http:Address must be an IP address (127.0.0.1, 0.0.0.0), not '{text}'.");
    }
}
