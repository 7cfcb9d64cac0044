namespace Real.Hosting.ServiceHost;

/// <summary>Per-process options of a service host; each may also come from the configuration (see <see cref="ServiceConfiguration"/>).</summary>
public sealed record RealServiceOptions
{
    /// <summary>Port of the service's HTTP listener (/health and the service's own endpoints). Default 8080.</summary>
    public int? Port { get; init; }

    /// <summary>Address to listen on: 127.0.0.1 by default; 0.0.0.0 inside a container (REAL_HTTP_ADDRESS).</summary>
    public string? Address { get; init; }

    /// <summary>An extra JSON configuration file, read after appsettings.json and before the environment.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Values given on the command line; they win over the environment and appsettings.</summary>
    public string? Home { get; init; }

    public string? Store { get; init; }

    public string? Postgres { get; init; }

    public string? Transport { get; init; }

    public string? RabbitMq { get; init; }

    public string? DataRoot { get; init; }
}
