using Real.Cli.Commands.Aggregation;
using Real.Cli.Commands.Intake;
using Real.Cli.Commands.Proposals;
using Real.Cli.Commands.Reporting;
using Real.Cli.Commands.Services;
using Real.Cli.Commands.Store;
using Spectre.Console.Cli;

namespace Real.Cli;

/// <summary>
/// Verbs that several services contribute to (import, export, bench) live in one branch each;
/// every service adds its own sub-verbs from its own folder under Commands/.
/// </summary>
public static class CommandBranches
{
    public static IConfigurator AddBranches(this IConfigurator config)
    {
        config.AddBranch("import", import =>
        {
            import.SetDescription("Import votes, ratings, predictions or label sets as events.");
            import.AddIntakeImports();
            import.AddProposalImports();
            import.AddReportingImports();
        });
        config.AddBranch("export", export =>
        {
            export.SetDescription("Export label sets and scores.");
            export.AddAggregationExports();
        });
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Benchmarks that print one JSON object (use --json).");
            bench.AddStoreBenchmarks();
            bench.AddIntakeBenchmarks();
            bench.AddAggregationBenchmarks();
            bench.AddProposalBenchmarks();
            bench.AddServiceBenchmarks();
        });
        return config;
    }
}
