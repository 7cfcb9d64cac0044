namespace Real.Aggregation.DawidSkene;

/// <summary>
/// The outcome of an EM run. <see cref="Scores"/>[q] is the posterior P(question q's label fits) under the final
/// parameters; <see cref="Estimate"/> is the M-step from those scores.
/// </summary>
public sealed record EmResult(
    double[] Scores,
    ConfusionEstimate Estimate,
    int Iterations,
    bool Converged,
    double LastMaxScoreChange,
    double LogLikelihood);
