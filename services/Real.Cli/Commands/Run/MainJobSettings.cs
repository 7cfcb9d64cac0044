using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Run;

public sealed class MainJobSettings : RealCommandSettings
{
    [CommandOption("--rule <NAME>")]
    [Description("Aggregation rule for the label set (default: dawid-skene, the paper's settings).")]
    [DefaultValue("dawid-skene")]
    public string Rule { get; init; } = "dawid-skene";
}
