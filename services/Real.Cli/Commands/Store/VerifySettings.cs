using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Store;

public sealed class VerifySettings : RealCommandSettings
{
    [CommandOption("--expect-head <HASH>")]
    [Description("A head hash recorded earlier (hex). The chain must still pass through it: catches a log whose hashes were all recomputed after an edit.")]
    public string? ExpectHead { get; init; }

    [CommandOption("--expect-position <POSITION>")]
    [Description("The position at which --expect-head was recorded (default: the current head).")]
    public long? ExpectPosition { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object instead of text.")]
    public bool Json { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (ExpectHead is not null && (ExpectHead.Length != 64 || !ExpectHead.All(Uri.IsHexDigit)))
        {
            return Spectre.Console.ValidationResult.Error($"--expect-head '{ExpectHead}' is not a 64-digit hex SHA-256 hash.");
        }

        return ExpectPosition is < 1
            ? Spectre.Console.ValidationResult.Error($"--expect-position {ExpectPosition} must be 1 or more.")
            : Spectre.Console.ValidationResult.Success();
    }
}
