using Spectre.Console.Cli;

namespace Real.Cli.Commands.Store;

public static class StoreCommands
{
    public static IConfigurator AddStoreCommands(this IConfigurator config) => config;

    public static IConfigurator<CommandSettings> AddStoreBenchmarks(this IConfigurator<CommandSettings> branch) => branch;
}
