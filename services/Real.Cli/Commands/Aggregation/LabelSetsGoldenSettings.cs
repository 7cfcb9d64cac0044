using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

public sealed class LabelSetsGoldenSettings : JsonOutputSettings
{
    [CommandArgument(0, "[LABELSET]")]
    [Description("The label set: an id, latest (default) or latest~N.")]
    public string LabelSet { get; init; } = "latest";

    [CommandOption("--curve <FILE>")]
    [Description("Also write the precision-recall curve as CSV (threshold,precision,recall,tp,fp,fn,tn).")]
    public string? CurveFile { get; init; }
}
