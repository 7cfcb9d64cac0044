using System.ComponentModel;
using Real.Contracts;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Intake;

public sealed class ImportRatingsSettings : RealCommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A .csv (header row) or .jsonl file of ratings with the fields of SubmitRatings (see docs/intake.md).")]
    public string File { get; init; } = "";

    [CommandOption("--tool <ID>")]
    [Description("The tool the ratings come from: they go to ratings-<ID>, rater ids must read '<ID>:<rater>'.")]
    public string? Tool { get; init; }

    [CommandOption("--role <ROLE>")]
    [Description("crowd (default; aggregated), expert (golden answers) or control (crowd answers to control questions; never aggregated).")]
    [DefaultValue("crowd")]
    public string Role { get; init; } = "crowd";

    /// <summary>--role as a <see cref="RaterRole"/> (by name, any case; never a number), or null when it names none.</summary>
    public RaterRole? ParsedRole => Enum.GetValues<RaterRole>().Cast<RaterRole?>()
        .FirstOrDefault(r => string.Equals(r.ToString(), Role, StringComparison.OrdinalIgnoreCase));

    [CommandOption("--dataset <ID>")]
    [Description("Data set of rows without a datasetId (default: imagenet-val).")]
    [DefaultValue("imagenet-val")]
    public string Dataset { get; init; } = "imagenet-val";

    [CommandOption("--format <FORMAT>")]
    [Description("csv or jsonl (default: from the file's extension).")]
    public string? Format { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object (every rejected row included) instead of progress and a summary.")]
    public bool Json { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Tool))
        {
            return Spectre.Console.ValidationResult.Error("--tool is required: the tool id the ratings are recorded for.");
        }

        if (ParsedRole is null)
        {
            var names = Enum.GetNames<RaterRole>().Select(n => n.ToLowerInvariant()).ToArray();
            return Spectre.Console.ValidationResult.Error($"--role '{Role}': use {string.Join(", ", names[..^1])} or {names[^1]}.");
        }

        return Format is null or "csv" or "jsonl"
            ? Spectre.Console.ValidationResult.Success()
            : Spectre.Console.ValidationResult.Error($"--format '{Format}': use csv or jsonl.");
    }
}
