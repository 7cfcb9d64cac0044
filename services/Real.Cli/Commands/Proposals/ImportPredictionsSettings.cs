using System.ComponentModel;
using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

public sealed class ImportPredictionsSettings : RealCommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description(".npy scores (images × outputs, float32/16/64, validation-file order) or .csv top-k (file,label,score; best first).")]
    public required string File { get; init; }

    [CommandOption("--model <NAME>")]
    [Description("The model the predictions come from (registered or not).")]
    public required string Model { get; init; }

    [CommandOption("--dataset <ID>")]
    [Description("Data set the images and labels belong to (default imagenet-val).")]
    public string DatasetId { get; init; } = StreamNames.ImageNetVal;

    [CommandOption("--version <LABEL>")]
    [Description("Model version (default: the registered one, else \"imported\").")]
    public string? Version { get; init; }

    [CommandOption("--score-kind <KIND>")]
    [Description("logits or probabilities (default: the registered model's kind, else logits for .npy, probabilities for .csv).")]
    public string? ScoreKind { get; init; }

    [CommandOption("--image-list <FILE>")]
    [Description(".npy only: one image name per line, naming each row (default: every data set image in order).")]
    public string? ImageList { get; init; }

    [CommandOption("--top-k <K>")]
    [Description("Labels kept per image (default 10).")]
    public int TopK { get; init; } = 10;

    [CommandOption("--json")]
    [Description("Print the result as one JSON object.")]
    public bool Json { get; init; }

    public ModelOutputKind? ParseScoreKind() => ScoreKind?.ToLowerInvariant() switch
    {
        null => null,
        "logits" or "logit" => ModelOutputKind.Logits,
        "probabilities" or "probability" => ModelOutputKind.Probabilities,
        _ => throw new ArgumentException($"--score-kind '{ScoreKind}': use logits or probabilities."),
    };
}
