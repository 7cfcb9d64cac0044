using System.ComponentModel;
using Real.Hosting.Messaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

public sealed class ErrorsReplaySettings : ErrorsSettings
{
    [CommandOption("--queue <QUEUE>")]
    [Description("The queue whose _error queue to re-drive (either name works).")]
    public string Queue { get; init; } = "";

    [CommandOption("--message-id <ID>")]
    [Description("Replay only the messages with these ids (repeatable). Without it, --all is required.")]
    public string[] MessageIds { get; init; } = [];

    [CommandOption("--all")]
    [Description("Replay every message of the error queue.")]
    public bool All { get; init; }

    [CommandOption("--max <N>")]
    [Description("Replay at most N messages (default: no limit).")]
    public int Max { get; init; } = int.MaxValue;

    [CommandOption("--as-tool <TOOL>")]
    [Description("For the tools' submit queue: re-publish through real.tools.submit as this tool (the intake trusts the routing key as the tool's identity, so you vouch for it).")]
    public string? AsTool { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Queue))
        {
            return ValidationResult.Error("--queue is required: the queue whose _error queue to replay (see `real errors list`).");
        }

        if (!All && MessageIds.Length == 0)
        {
            return ValidationResult.Error("Say what to replay: --message-id ID (repeatable) or --all.");
        }

        if (Max <= 0)
        {
            return ValidationResult.Error($"--max must be positive, not {Max}.");
        }

        if (AsTool is not null && !ToolTopology.IsValidToolId(AsTool))
        {
            return ValidationResult.Error($"--as-tool '{AsTool}' is not a tool id (1-64 of a-z, 0-9, '_', '-').");
        }

        return ValidationResult.Success();
    }
}
