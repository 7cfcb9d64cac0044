using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

public static class ProposalCommands
{
    public static IConfigurator AddProposalCommands(this IConfigurator config) => config;

    public static IConfigurator<CommandSettings> AddProposalImports(this IConfigurator<CommandSettings> branch) => branch;

    public static IConfigurator<CommandSettings> AddProposalBenchmarks(this IConfigurator<CommandSettings> branch) => branch;
}
