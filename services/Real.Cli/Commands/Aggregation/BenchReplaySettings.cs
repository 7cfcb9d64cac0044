using System.ComponentModel;
using Real.Aggregation.Rules;
using Real.Contracts;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

public sealed class BenchReplaySettings : JsonOutputSettings
{
    [CommandOption("--rule <NAME>")]
    [Description("Rule of the label set to build (default: dawid-skene).")]
    public string Rule { get; init; } = RuleCatalog.DefaultRule;

    [CommandOption("--dataset <ID>")]
    [Description("Data set (default: imagenet-val).")]
    public string Dataset { get; init; } = StreamNames.ImageNetVal;
}
