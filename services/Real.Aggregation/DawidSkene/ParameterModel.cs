namespace Real.Aggregation.DawidSkene;

/// <summary>
/// A confusion model's free parameters as one unconstrained vector θ, so SQUAREM can extrapolate it: log-probabilities
/// (full model) or logits (one coin), the prior's logit last. Knows the M-step, the projection back onto valid
/// parameters after an extrapolation, and the log tables the E-step reads.
/// </summary>
internal abstract class ParameterModel(int raterCount, EmOptions options)
{
    /// <summary>Probabilities never go below this in the log tables, so a cell never holds log 0 (a numerical floor, not smoothing).</summary>
    public const double ProbabilityFloor = 1e-12;

    protected static readonly double LogFloor = Math.Log(ProbabilityFloor);

    public int RaterCount { get; } = raterCount;

    public EmOptions Options { get; } = options;

    public abstract int ParametersPerRater { get; }

    public int Length => (RaterCount * ParametersPerRater) + 1;

    public int PriorIndex => Length - 1;

    public static ParameterModel Create(int raterCount, EmOptions options) => options.Model switch
    {
        ConfusionModel.Full => new FullConfusionParameters(raterCount, options),
        ConfusionModel.OneCoin => new OneCoinParameters(raterCount, options),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Model, "Unknown confusion model."),
    };

    /// <summary>The M-step: the parameters that maximise the expected complete-data log posterior.</summary>
    public void Maximize(SufficientStatistics statistics, Span<double> theta)
    {
        MaximizeRaters(statistics, theta);
        var prior = Options.FixedPrior ?? (statistics.QuestionCount == 0 ? 0.5 : statistics.ScoreSum / statistics.QuestionCount);
        theta[PriorIndex] = ClampLogit(Math.Log(prior) - double.LogP1(-prior));
    }

    /// <summary>Maps an extrapolated θ back onto valid parameters (rows summing to one, finite values).</summary>
    public void Project(Span<double> theta)
    {
        ProjectRaters(theta);
        theta[PriorIndex] = Options.FixedPrior is { } fixedPrior
            ? ClampLogit(Math.Log(fixedPrior) - double.LogP1(-fixedPrior))
            : ClampLogit(theta[PriorIndex]);
    }

    /// <summary>
    /// Fills the E-step tables: <paramref name="logRatio"/>[cell] = log P(a | fits) − log P(a | not), and
    /// <paramref name="logNotFits"/>[cell] = log P(a | not), for cell = rater * 3 + answer.
    /// </summary>
    public abstract void FillTables(ReadOnlySpan<double> theta, Span<double> logRatio, Span<double> logNotFits);

    /// <summary>The log density of the smoothing prior at θ (0 without smoothing); added to the log-likelihood for SQUAREM's safeguard.</summary>
    public abstract double LogPenalty(ReadOnlySpan<double> theta);

    /// <summary>Overwrites the parameters of the raters the warm start knows.</summary>
    public void ApplyWarmStart(WarmStart warmStart, Span<double> theta)
    {
        if (warmStart.Raters.Count != RaterCount)
        {
            throw new ArgumentException($"The warm start describes {warmStart.Raters.Count} raters; this run has {RaterCount}.", nameof(warmStart));
        }

        for (var r = 0; r < RaterCount; r++)
        {
            if (warmStart.Raters[r] is { } rows)
            {
                SetRater(r, rows, theta);
            }
        }

        if (Options.FixedPrior is null)
        {
            theta[PriorIndex] = ClampLogit(Math.Log(warmStart.PriorFits) - double.LogP1(-warmStart.PriorFits));
        }

        Project(theta);
    }

    public ConfusionEstimate ToEstimate(ReadOnlySpan<double> theta)
    {
        Span<double> logRatio = new double[RaterCount * VoteMatrix.AnswerCount];
        Span<double> logNotFits = new double[RaterCount * VoteMatrix.AnswerCount];
        FillTables(theta, logRatio, logNotFits);
        var probabilities = new double[RaterCount * 6];
        for (var cell = 0; cell < logRatio.Length; cell++)
        {
            var rater = cell / VoteMatrix.AnswerCount;
            var answer = cell % VoteMatrix.AnswerCount;
            probabilities[(rater * 6) + answer] = Math.Exp(logNotFits[cell]);
            probabilities[(rater * 6) + 3 + answer] = Math.Exp(logNotFits[cell] + logRatio[cell]);
        }

        return new ConfusionEstimate(Sigmoid(theta[PriorIndex]), probabilities);
    }

    protected abstract void MaximizeRaters(SufficientStatistics statistics, Span<double> theta);

    protected abstract void ProjectRaters(Span<double> theta);

    protected abstract void SetRater(int rater, RaterRows rows, Span<double> theta);

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>log σ(x), computed without overflow.</summary>
    public static double LogSigmoid(double x) => x >= 0 ? -double.LogP1(Math.Exp(-x)) : x - double.LogP1(Math.Exp(x));

    protected static double ClampLogit(double x) =>
        double.IsNaN(x) ? 0 : Math.Clamp(x, LogFloor, -LogFloor);

    protected static double Logit(double p) => ClampLogit(Math.Log(p) - double.LogP1(-p));
}
