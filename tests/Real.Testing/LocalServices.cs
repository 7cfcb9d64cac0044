namespace Real.Testing;

/// <summary>
/// Connection settings of the RabbitMQ and PostgreSQL that tests use. They come from the environment that
/// `make services-up` (infra/local/services-up.sh) writes to .infra/services.env; a test that needs a service
/// that is not configured FAILS with a message saying how to start it — it never passes silently.
/// </summary>
public static class LocalServices
{
    private const string HowToStart =
        "Start the local services with `make services-up` and `source .infra/services.env` (or run `make test`, which does both).";

    public static string PostgresConnectionString =>
        Get("REAL_PG") ?? FromEnvFile("REAL_PG") ?? throw new InvalidOperationException($"PostgreSQL is not configured: REAL_PG is unset. {HowToStart}");

    /// <summary>A connection string to the cluster's maintenance database, for creating per-test databases.</summary>
    public static string PostgresAdminConnectionString =>
        Get("REAL_PG_ADMIN") ?? FromEnvFile("REAL_PG_ADMIN") ?? throw new InvalidOperationException($"PostgreSQL is not configured: REAL_PG_ADMIN is unset. {HowToStart}");

    public static Uri RabbitMqUri =>
        new(Get("REAL_RABBITMQ") ?? FromEnvFile("REAL_RABBITMQ") ?? throw new InvalidOperationException($"RabbitMQ is not configured: REAL_RABBITMQ is unset. {HowToStart}"));

    private static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

    /// <summary>Falls back to the repository's .infra/services.env so tests also run from an IDE after `make services-up`.</summary>
    private static string? FromEnvFile(string name)
    {
        var file = Path.Combine(RepositoryRoot.Path, ".infra", "services.env");
        if (!File.Exists(file))
        {
            return null;
        }

        var prefix = $"export {name}='";
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line?[prefix.Length..].TrimEnd('\'');
    }
}
