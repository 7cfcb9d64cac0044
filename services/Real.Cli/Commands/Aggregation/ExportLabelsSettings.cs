using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

public sealed class ExportLabelsSettings : RealCommandSettings
{
    [CommandOption("--labelset <ID>")]
    [Description("The label set: an id, latest (default) or latest~N.")]
    public string LabelSet { get; init; } = "latest";

    [CommandOption("--format <FORMAT>")]
    [Description("real-json (default: the published ReaL format) or csv (file,label,score,in_set).")]
    public string Format { get; init; } = "real-json";

    [CommandOption("--out <FILE>")]
    [Description("Output file (its directory is created if missing).")]
    public string? Out { get; init; }
}
