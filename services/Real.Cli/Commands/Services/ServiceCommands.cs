using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

public static class ServiceCommands
{
    public static IConfigurator AddServiceCommands(this IConfigurator config) => config;

    public static IConfigurator<CommandSettings> AddServiceBenchmarks(this IConfigurator<CommandSettings> branch) => branch;
}
