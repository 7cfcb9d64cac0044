using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Store;

public sealed class StoreBenchSettings : RealCommandSettings
{
    [CommandOption("--backend <BACKEND>")]
    [Description("sqlite (default; a fresh file in a temp directory) or postgres (a fresh database on --pg / $REAL_PG).")]
    public string Backend { get; init; } = "sqlite";

    [CommandOption("--events <N>")]
    [Description("Events to append and read back (default 1000000).")]
    public int Events { get; init; } = 1_000_000;

    [CommandOption("--batch <N>")]
    [Description("Events per append (default 1000).")]
    public int Batch { get; init; } = 1000;

    [CommandOption("--json")]
    [Description("Print one JSON object.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        Backend is not ("sqlite" or "postgres") ? ValidationResult.Error($"--backend '{Backend}' is not sqlite or postgres.")
        : Events < 1 ? ValidationResult.Error($"--events {Events} must be 1 or more.")
        : Batch < 1 ? ValidationResult.Error($"--batch {Batch} must be 1 or more.")
        : ValidationResult.Success();
}
