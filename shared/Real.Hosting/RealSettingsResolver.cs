namespace Real.Hosting;

/// <summary>
/// Resolves <see cref="RealSettings"/>: an explicit value wins, then the environment
/// (REAL_HOME, REAL_STORE, REAL_PG, REAL_TRANSPORT, REAL_RABBITMQ, REAL_DATA), then defaults.
/// </summary>
public static class RealSettingsResolver
{
    public static RealSettings Resolve(
        string? home = null,
        string? storeBackend = null,
        string? postgres = null,
        string? dataRoot = null,
        string? transport = null,
        string? rabbitMq = null,
        Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value : null;

        var backend = (storeBackend ?? Env("REAL_STORE") ?? "sqlite").ToLowerInvariant();
        if (backend is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"Unknown store backend '{backend}': use sqlite or postgres.", nameof(storeBackend));
        }

        var bus = (transport ?? Env("REAL_TRANSPORT") ?? "inmemory").ToLowerInvariant();
        if (bus is not ("inmemory" or "rabbitmq"))
        {
            throw new ArgumentException($"Unknown transport '{bus}': use inmemory or rabbitmq.", nameof(transport));
        }

        var settings = new RealSettings
        {
            Home = Path.GetFullPath(home ?? Env("REAL_HOME") ?? ".real"),
            StoreBackend = backend,
            PostgresConnectionString = postgres ?? Env("REAL_PG"),
            Transport = bus,
            RabbitMqUri = rabbitMq ?? Env("REAL_RABBITMQ"),
            DataRoot = Path.GetFullPath(dataRoot ?? Env("REAL_DATA") ?? DefaultDataRoot()),
        };
        if (settings.StoreBackend == "postgres" && string.IsNullOrWhiteSpace(settings.PostgresConnectionString))
        {
            throw new ArgumentException("The postgres store needs a connection string: pass --pg or set REAL_PG (make services-up prints one).");
        }

        if (settings.Transport == "rabbitmq" && string.IsNullOrWhiteSpace(settings.RabbitMqUri))
        {
            throw new ArgumentException("The rabbitmq transport needs a URI: pass --rabbitmq or set REAL_RABBITMQ (make services-up prints one).");
        }

        return settings;
    }

    /// <summary>"data/" (made by `make data`) when present, else "../shared/data" beside the checkout.</summary>
    private static string DefaultDataRoot() =>
        Directory.Exists("data/real") ? "data" : Path.Combine("..", "shared", "data");
}
