using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

public sealed class ListModelsSettings : RealCommandSettings
{
    [CommandOption("--json")]
    [Description("Print one JSON object with every model's current registration.")]
    public bool Json { get; init; }
}
