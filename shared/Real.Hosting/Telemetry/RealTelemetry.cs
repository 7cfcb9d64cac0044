using System.Diagnostics;

namespace Real.Hosting.Telemetry;

/// <summary>
/// Real's own trace source. Spans around event-store appends start here; MassTransit's spans come from its own
/// source (<see cref="MassTransitSourceName"/>), so one trace runs from a published message through the consumer into
/// the append of the events the message caused.
/// </summary>
public static class RealTelemetry
{
    public const string SourceName = "Real";

    /// <summary>The ActivitySource MassTransit 8 writes its send/receive/consume spans to.</summary>
    public const string MassTransitSourceName = "MassTransit";

    /// <summary>Npgsql 10 writes one span per command to this source (no extra package needed).</summary>
    public const string NpgsqlSourceName = "Npgsql";

    public static ActivitySource Source { get; } = new(SourceName, typeof(RealTelemetry).Assembly.GetName().Version?.ToString());
}
