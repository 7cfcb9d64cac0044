namespace Real.Proposals.Tests.Cli;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "cli (redirects the console)";
}
