using System.ComponentModel;
using Real.Aggregation.Rules;
using Real.Contracts;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

public sealed class AggregateSettings : RealCommandSettings
{
    [CommandOption("--rule <NAME>")]
    [Description("Aggregation rule: dawid-skene (default, the paper's settings), dawid-skene-plain, one-coin, majority.")]
    public string Rule { get; init; } = RuleCatalog.DefaultRule;

    [CommandOption("--param <KEY=VALUE>")]
    [Description("A rule parameter, e.g. threshold=0.8; repeat for several.")]
    public string[] Parameters { get; init; } = [];

    [CommandOption("--as-of <POSITION|TIME>")]
    [Description("Read ratings up to this global log position or ISO 8601 time (default: the whole log).")]
    public string? AsOf { get; init; }

    [CommandOption("--dataset <ID>")]
    [Description("Data set to aggregate (default: imagenet-val).")]
    public string Dataset { get; init; } = StreamNames.ImageNetVal;

    [CommandOption("--labelset <ID>")]
    [Description("Id for the new label set (default: the next number).")]
    public string? LabelSetId { get; init; }

    [CommandOption("--warm-start <LABELSET>")]
    [Description("Start EM from this label set's rater estimates (an id, latest or latest~N).")]
    public string? WarmStart { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Worker threads (results are identical for any number; default: all cores).")]
    public int? Threads { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object instead of tables.")]
    public bool Json { get; init; }
}
