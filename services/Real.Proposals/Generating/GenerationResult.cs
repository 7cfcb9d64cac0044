using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Generating;

/// <summary>
/// What one model's run over a folder did. <see cref="Device"/> is "cuda", "cpu", or "none" when every image already
/// had a prediction and the model was not loaded.
/// </summary>
public sealed record GenerationResult(
    ModelRef Model,
    string Device,
    int Computed,
    int AlreadyRecorded,
    int EventsAppended,
    IReadOnlyList<ImageFailure> Failures,
    TimeSpan Elapsed);
