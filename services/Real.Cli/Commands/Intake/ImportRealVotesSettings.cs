using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Intake;

public sealed class ImportRealVotesSettings : RealCommandSettings
{
    [CommandArgument(0, "[DIR]")]
    [Description("Directory holding raters.npz, golden.npz and raters_golden.npz (default: <data>/real).")]
    public string? Directory { get; init; }

    [CommandOption("--imagenet <DIR>")]
    [Description("ImageNet metadata directory with val_labels.txt, class_names.txt, synsets.txt, hierarchy.tsv (default: <data>/imagenet).")]
    public string? ImageNet { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Ratings per recorded batch (one atomic append each; at most 10,000).")]
    [DefaultValue(5000)]
    public int BatchSize { get; init; } = 5000;

    [CommandOption("--json")]
    [Description("Print one JSON object instead of progress bars and tables.")]
    public bool Json { get; init; }
}
