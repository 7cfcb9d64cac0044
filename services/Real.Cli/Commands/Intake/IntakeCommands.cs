using Spectre.Console.Cli;

namespace Real.Cli.Commands.Intake;

public static class IntakeCommands
{
    public static IConfigurator AddIntakeCommands(this IConfigurator config) => config;

    public static IConfigurator<CommandSettings> AddIntakeImports(this IConfigurator<CommandSettings> branch) => branch;

    public static IConfigurator<CommandSettings> AddIntakeBenchmarks(this IConfigurator<CommandSettings> branch) => branch;
}
