namespace Real.Contracts.Messages.Proposals;

/// <summary>
/// Asks the proposals service to generate candidates for a data set: run every listed model that has an ONNX file
/// over <see cref="ImagesDirectory"/> (images already predicted at the model's version are skipped), pool all listed
/// models' predictions by the rule, append the proposals and tasks, and publish RatingTaskCreated per task.
/// Without <see cref="ImagesDirectory"/> only predictions already recorded (e.g. imported) are pooled.
/// Idempotent: the same request appends and publishes nothing new (tools may see a task again, with the same id).
/// </summary>
public sealed record GenerateProposals
{
    public required Guid CommandId { get; init; }

    public required string DatasetId { get; init; }

    public required IReadOnlyList<string> ModelIds { get; init; }

    public string? ImagesDirectory { get; init; }

    public int TopK { get; init; } = 5;

    public int MinModels { get; init; } = 2;

    public int MaxCandidates { get; init; } = 16;

    public int MaxLabelsPerTask { get; init; } = 8;
}
