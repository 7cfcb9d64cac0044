namespace Real.Hosting;

/// <summary>
/// Where Real keeps its state and which backends it talks to. Resolved once per process from command-line
/// options, then environment variables, then defaults (see <see cref="RealSettingsResolver"/>).
/// </summary>
public sealed record RealSettings
{
    /// <summary>The data directory: the embedded SQLite store and every file a run writes. Default ".real".</summary>
    public required string Home { get; init; }

    /// <summary>"sqlite" (embedded default) or "postgres".</summary>
    public string StoreBackend { get; init; } = "sqlite";

    /// <summary>Npgsql connection string, required when <see cref="StoreBackend"/> is "postgres".</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>"inmemory" (embedded default) or "rabbitmq".</summary>
    public string Transport { get; init; } = "inmemory";

    /// <summary>amqp:// URI, required when <see cref="Transport"/> is "rabbitmq".</summary>
    public string? RabbitMqUri { get; init; }

    /// <summary>Root of the reference data: holds real/ (the ReaL votes) and imagenet/ (labels, classes, hierarchy).</summary>
    public required string DataRoot { get; init; }

    public string SqlitePath => Path.Combine(Home, "events.db");

    public string RealVotesDirectory => Path.Combine(DataRoot, "real");

    public string ImageNetDirectory => Path.Combine(DataRoot, "imagenet");
}
