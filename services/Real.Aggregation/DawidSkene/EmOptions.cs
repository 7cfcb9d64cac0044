namespace Real.Aggregation.DawidSkene;

/// <summary>Settings of one EM run. The defaults are the paper's settings (see docs/aggregation.md).</summary>
public sealed record EmOptions
{
    /// <summary>Questions per block of the fixed partition; part of the maths' summation order, so never tied to the thread count.</summary>
    public const int BlockSize = 4096;

    public ConfusionModel Model { get; init; } = ConfusionModel.Full;

    /// <summary>
    /// Dirichlet pseudo-count added to every cell of a rater's confusion row in the M-step (0 = maximum likelihood,
    /// as Dawid &amp; Skene 1979). For the one-coin model it is added to correct/wrong and maybe/decisive counts.
    /// </summary>
    public double Smoothing { get; init; }

    /// <summary>Most EM map evaluations (E-step + M-step) before giving up; the result then says Converged = false.</summary>
    public int MaxIterations { get; init; } = 10_000;

    /// <summary>Converged when one more plain EM step would change no score by this much or more.</summary>
    public double Tolerance { get; init; } = 1e-6;

    public EmAcceleration Acceleration { get; init; } = EmAcceleration.Squarem;

    /// <summary>A fixed prior P(fits) for every question; null estimates one global prior by EM (the default).</summary>
    public double? FixedPrior { get; init; }

    /// <summary>Worker threads. Results are bit-identical for every value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
        if (!(Smoothing >= 0) || double.IsInfinity(Smoothing))
        {
            throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, "Smoothing must be a finite number ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1);
        if (!(Tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be > 0.");
        }

        if (FixedPrior is { } prior && !(prior > 0 && prior < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(FixedPrior), prior, "A fixed prior must lie strictly between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1);
    }
}
