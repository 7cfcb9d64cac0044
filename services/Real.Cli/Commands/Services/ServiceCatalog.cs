using Real.Aggregation;
using Real.Hosting.ServiceHost;
using Real.Proposals;
using Real.RatingIntake;
using Real.Reporting;

namespace Real.Cli.Commands.Services;

/// <summary>
/// The four services `real service NAME` can run, by the names docker-compose.yml uses, and "all": every service in
/// one process on one bus (the embedded topology as a server; with REAL_TRANSPORT=inmemory tools reach it over HTTP).
/// </summary>
public static class ServiceCatalog
{
    public static IReadOnlyList<RealServiceDefinition> All { get; } =
    [
        RatingIntakeServiceHosting.Definition,
        ProposalsServiceHosting.Definition,
        AggregationServiceHosting.Definition,
        ReportingServiceHosting.Definition,
    ];

    public const string Everything = "all";

    public static IEnumerable<string> Names => All.Select(s => s.Name).Append(Everything);

    /// <summary>The services a process named <paramref name="name"/> hosts, or null for an unknown name.</summary>
    public static IReadOnlyList<RealServiceDefinition>? Find(string? name) =>
        string.Equals(name, Everything, StringComparison.OrdinalIgnoreCase)
            ? All
            : All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) is { } one ? [one] : null;
}
