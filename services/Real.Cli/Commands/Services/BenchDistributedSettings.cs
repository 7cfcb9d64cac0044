using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

public sealed class BenchDistributedSettings : CommandSettings
{
    [CommandOption("--ratings <N>")]
    [Description("Ratings to push through RabbitMQ (default 1,000,000).")]
    public long Ratings { get; init; } = 1_000_000;

    [CommandOption("--batch <N>")]
    [Description("Ratings per SubmitRatings message (default 5,000; at most 10,000).")]
    public int Batch { get; init; } = 5_000;

    [CommandOption("--window <N>")]
    [Description("Publishes awaiting the broker's confirm at once (default 8).")]
    public int Window { get; init; } = 8;

    [CommandOption("--timeout <MINUTES>")]
    [Description("Give up when not everything is recorded after this many minutes (default 20).")]
    public int TimeoutMinutes { get; init; } = 20;

    [CommandOption("--json")]
    [Description("Print one JSON object.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        Ratings < 1 ? ValidationResult.Error("--ratings must be positive.")
        : Batch is < 1 or > 10_000 ? ValidationResult.Error($"--batch must be 1-10,000 (the protocol's batch limit), not {Batch}.")
        : Window < 1 ? ValidationResult.Error("--window must be positive.")
        : TimeoutMinutes < 1 ? ValidationResult.Error("--timeout must be at least 1 minute.")
        : ValidationResult.Success();
}
