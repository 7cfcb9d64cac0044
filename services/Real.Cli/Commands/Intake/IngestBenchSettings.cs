using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Intake;

public sealed class IngestBenchSettings : RealCommandSettings
{
    [CommandOption("--batch-size <N>")]
    [Description("Ratings per recorded batch (one atomic append each).")]
    [DefaultValue(5000)]
    public int BatchSize { get; init; } = 5000;

    [CommandOption("--rerun")]
    [Description("Import a second time into the same store and report how long the idempotent re-run takes (it must append 0 events).")]
    public bool Rerun { get; init; }

    [CommandOption("--keep")]
    [Description("Keep the temporary home (and its events.db) instead of deleting it.")]
    public bool Keep { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object (the bench scripts read it).")]
    public bool Json { get; init; }
}
