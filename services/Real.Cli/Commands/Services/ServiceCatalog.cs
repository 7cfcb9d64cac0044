using Real.Aggregation;
using Real.Hosting.ServiceHost;
using Real.Proposals;
using Real.RatingIntake;
using Real.Reporting;

namespace Real.Cli.Commands.Services;

/// <summary>The four services `real service NAME` can run, by the names docker-compose.yml uses.</summary>
public static class ServiceCatalog
{
    public static IReadOnlyList<RealServiceDefinition> All { get; } =
    [
        RatingIntakeServiceHosting.Definition,
        ProposalsServiceHosting.Definition,
        AggregationServiceHosting.Definition,
        ReportingServiceHosting.Definition,
    ];

    public static IEnumerable<string> Names => All.Select(s => s.Name);

    public static RealServiceDefinition? Find(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
