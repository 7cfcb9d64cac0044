using System.ComponentModel;
using Real.Aggregation.Rules;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

public sealed class BenchAggregateSettings : JsonOutputSettings
{
    [CommandOption("--rule <NAME>")]
    [Description("Rule to time (default: dawid-skene with the paper's settings).")]
    public string Rule { get; init; } = RuleCatalog.DefaultRule;

    [CommandOption("--param <KEY=VALUE>")]
    [Description("A rule parameter; repeat for several.")]
    public string[] Parameters { get; init; } = [];

    [CommandOption("--threads <N>")]
    [Description("Worker threads (default: all cores).")]
    public int? Threads { get; init; }

    [CommandOption("--repeat <N>")]
    [Description("Timed runs; seconds is their median (default 3).")]
    public int Repeat { get; init; } = 3;
}
