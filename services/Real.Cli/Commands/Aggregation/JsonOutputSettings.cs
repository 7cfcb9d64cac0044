using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

/// <summary>Settings of a verb that can print one JSON object instead of tables.</summary>
public class JsonOutputSettings : RealCommandSettings
{
    [CommandOption("--json")]
    [Description("Print one JSON object instead of tables.")]
    public bool Json { get; init; }
}
