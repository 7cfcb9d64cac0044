using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

public static class AggregationCommands
{
    public static IConfigurator AddAggregationCommands(this IConfigurator config) => config;

    public static IConfigurator<CommandSettings> AddAggregationExports(this IConfigurator<CommandSettings> branch) => branch;

    public static IConfigurator<CommandSettings> AddAggregationBenchmarks(this IConfigurator<CommandSettings> branch) => branch;
}
