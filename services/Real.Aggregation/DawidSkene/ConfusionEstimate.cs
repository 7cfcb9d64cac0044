namespace Real.Aggregation.DawidSkene;

/// <summary>
/// The estimated model: the global prior P(fits) and, per rater, P(answer | truth) for truth in
/// {does not fit, fits} and answer in {no, maybe, yes}.
/// </summary>
public sealed class ConfusionEstimate
{
    private readonly double[] _probabilities;

    public ConfusionEstimate(double priorFits, double[] probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Length % 6 != 0)
        {
            throw new ArgumentException("Expected 6 probabilities (2 truths × 3 answers) per rater.", nameof(probabilities));
        }

        PriorFits = priorFits;
        _probabilities = probabilities;
    }

    public double PriorFits { get; }

    public int RaterCount => _probabilities.Length / 6;

    /// <summary>P(answer | truth) for one rater.</summary>
    public double Probability(int rater, bool fits, Answer answer) =>
        _probabilities[(rater * 6) + (fits ? 3 : 0) + (int)answer];

    /// <summary>The rater's row for one truth: [P(no | truth), P(maybe | truth), P(yes | truth)].</summary>
    public double[] Row(int rater, bool fits) => _probabilities.AsSpan((rater * 6) + (fits ? 3 : 0), 3).ToArray();

    /// <summary>Layout <c>rater * 6 + (fits ? 3 : 0) + answer</c>.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;
}
