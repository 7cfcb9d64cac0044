namespace Real.Hosting.Distributed;

/// <summary>What one load run measured (printed by `real bench distributed --json`).</summary>
public sealed record LoadFigures
{
    public required long Ratings { get; init; }

    public required int BatchSize { get; init; }

    public required long Batches { get; init; }

    /// <summary>First publish to the last rating recorded in the store.</summary>
    public required double Seconds { get; init; }

    public required double RatingsPerSecond { get; init; }

    /// <summary>Rate between 10% and 90% recorded: the sustained rate without start-up and tail.</summary>
    public required double SustainedRatingsPerSecond { get; init; }

    /// <summary>First to last confirmed publish (the generator's side).</summary>
    public required double PublishSeconds { get; init; }

    public required long Recorded { get; init; }

    public required long Lost { get; init; }

    public required long RepliesAccepted { get; init; }

    public required long RepliesDuplicates { get; init; }

    public required long RepliesRejected { get; init; }

    public required uint MaxQueueDepth { get; init; }

    public double? IntakePeakRssMegabytes { get; init; }

    public double? GeneratorPeakRssMegabytes { get; init; }
}
