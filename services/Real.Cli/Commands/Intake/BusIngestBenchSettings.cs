using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Intake;

public sealed class BusIngestBenchSettings : RealCommandSettings
{
    [CommandOption("--ratings <N>")]
    [Description("Synthetic ratings to submit through the bus (default 1,000,000).")]
    [DefaultValue(1_000_000L)]
    public long Ratings { get; init; } = 1_000_000;

    [CommandOption("--batch <N>")]
    [Description("Ratings per SubmitRatings message (default 5,000; at most 10,000).")]
    [DefaultValue(5_000)]
    public int Batch { get; init; } = 5_000;

    [CommandOption("--window <N>")]
    [Description("Messages sent ahead of what the store has recorded (default 8): bounds the queue's memory.")]
    [DefaultValue(8)]
    public int Window { get; init; } = 8;

    [CommandOption("--json")]
    [Description("Print one JSON object (the bench scripts read it).")]
    public bool Json { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        Ratings < 1 ? Spectre.Console.ValidationResult.Error("--ratings must be at least 1.")
        : Batch is < 1 or > 10_000 ? Spectre.Console.ValidationResult.Error("--batch must be 1 to 10,000 (the protocol's largest batch).")
        : Window < 1 ? Spectre.Console.ValidationResult.Error("--window must be at least 1.")
        : base.Validate();
}
