using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

public sealed class ExportScoresSettings : RealCommandSettings
{
    [CommandOption("--labelset <ID>")]
    [Description("The label set: an id, latest (default) or latest~N.")]
    public string LabelSet { get; init; } = "latest";

    [CommandOption("--out <FILE>")]
    [Description("Output CSV file (file,label,score); its directory is created if missing.")]
    public string? Out { get; init; }
}
