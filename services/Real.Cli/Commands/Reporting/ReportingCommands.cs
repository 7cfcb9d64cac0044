using Spectre.Console.Cli;

namespace Real.Cli.Commands.Reporting;

public static class ReportingCommands
{
    public static IConfigurator AddReportingCommands(this IConfigurator config) => config;

    public static IConfigurator<CommandSettings> AddReportingImports(this IConfigurator<CommandSettings> branch) => branch;
}
