using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

public sealed class LabelSetsDiffSettings : JsonOutputSettings
{
    [CommandArgument(0, "<A>")]
    [Description("The earlier label set: an id, latest or latest~N.")]
    public string Before { get; init; } = "";

    [CommandArgument(1, "<B>")]
    [Description("The later label set: an id, latest or latest~N.")]
    public string After { get; init; } = "";

    [CommandOption("--limit <N>")]
    [Description("Changed images to list (default 20; the JSON lists all).")]
    public int Limit { get; init; } = 20;
}
