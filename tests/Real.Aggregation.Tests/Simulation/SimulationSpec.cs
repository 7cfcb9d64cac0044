namespace Real.Aggregation.Tests.Simulation;

/// <summary>
/// The shape of a simulated rating campaign: images with a few candidate labels each, raters of mixed quality with
/// skewed activity (a few raters do most of the work, as in the ReaL study), a fixed number of votes per question.
/// </summary>
public sealed record SimulationSpec
{
    public int Seed { get; init; } = 20_200_612;

    public int Images { get; init; } = 3_000;

    public int MinCandidates { get; init; } = 2;

    public int MaxCandidates { get; init; } = 12;

    public int Raters { get; init; } = 24;

    public int VotesPerQuestion { get; init; } = 5;

    /// <summary>P(a candidate label other than the image's original label fits).</summary>
    public double PriorFits { get; init; } = 0.2;

    /// <summary>P(the image's original label fits): original labels are mostly right, as in ImageNet.</summary>
    public double OriginalLabelFits { get; init; } = 0.9;

    /// <summary>Number of classes labels are drawn from; the first <see cref="AnimalClasses"/> count as animals.</summary>
    public int Classes { get; init; } = 100;

    public int AnimalClasses { get; init; } = 40;
}
