using System.ComponentModel;
using System.Text.Json;
using Real.Reporting;
using Real.Reporting.Audit;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Reporting;

/// <summary>`real explain`: every event behind an image's labels.</summary>
[Description("Every event behind an image's labels: proposals, ratings and their history, rater confusion matrices, score, rule, positions and hashes.")]
public sealed class ExplainCommand : AsyncCommand<ExplainCommand.Settings>
{
    public sealed class Settings : RealCommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The image's file name, e.g. ILSVRC2012_val_00000001.JPEG.")]
        public string File { get; init; } = string.Empty;

        [CommandArgument(1, "[LABEL]")]
        [Description("One class index to explain (default: every label considered for the image).")]
        public int? Label { get; init; }

        [CommandOption("--labelset <ID|latest>")]
        [Description("The label set whose verdict to explain (default: latest).")]
        public string LabelSet { get; init; } = "latest";

        [CommandOption("--json")]
        [Description("Print one JSON object with everything, event data included.")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var reporting = await ReportingContext.OpenAsync(settings.Resolve(), cancellationToken);
        var explanation = await new ExplainImageHandler(reporting).HandleAsync(new ExplainImage(settings.File, settings.Label, settings.LabelSet), cancellationToken);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(explanation, ExplainJson.Options));
            return 0;
        }

        ExplainTables.Write(explanation);
        return 0;
    }
}
