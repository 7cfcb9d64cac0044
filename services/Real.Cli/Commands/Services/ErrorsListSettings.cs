using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

public sealed class ErrorsListSettings : ErrorsSettings
{
    [CommandOption("--queue <QUEUE>")]
    [Description("A queue (or its _error queue) to look at; repeat for several. Default: every queue of Real's four services.")]
    public string[] Queues { get; init; } = [];

    [CommandOption("--show <N>")]
    [Description("Show up to N messages of each non-empty error queue with their reasons (default 10; 0 = counts only).")]
    public int Show { get; init; } = 10;

    public override ValidationResult Validate() =>
        Show < 0 ? ValidationResult.Error($"--show must be 0 or more, not {Show}.") : ValidationResult.Success();
}
