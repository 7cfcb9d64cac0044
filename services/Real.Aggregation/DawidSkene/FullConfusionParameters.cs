namespace Real.Aggregation.DawidSkene;

/// <summary>
/// Dawid &amp; Skene's free 2×3 confusion matrix per rater. θ holds log P(answer | truth) at
/// <c>rater * 6 + truth * 3 + answer</c> (truth 0 = does not fit, 1 = fits).
/// </summary>
internal sealed class FullConfusionParameters(int raterCount, EmOptions options) : ParameterModel(raterCount, options)
{
    private const int Answers = VoteMatrix.AnswerCount;

    public override int ParametersPerRater => 2 * Answers;

    public override void FillTables(ReadOnlySpan<double> theta, Span<double> logRatio, Span<double> logNotFits)
    {
        for (var r = 0; r < RaterCount; r++)
        {
            for (var a = 0; a < Answers; a++)
            {
                var notFits = theta[(r * 6) + a];
                logNotFits[(r * Answers) + a] = notFits;
                logRatio[(r * Answers) + a] = theta[(r * 6) + Answers + a] - notFits;
            }
        }
    }

    public override double LogPenalty(ReadOnlySpan<double> theta)
    {
        var smoothing = Options.Smoothing;
        if (smoothing == 0)
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = 0; i < RaterCount * 6; i++)
        {
            sum += theta[i];
        }

        return smoothing * sum;
    }

    protected override void MaximizeRaters(SufficientStatistics statistics, Span<double> theta)
    {
        var smoothing = Options.Smoothing;
        for (var r = 0; r < RaterCount; r++)
        {
            SetRow(statistics.NotFitsMass.AsSpan(r * Answers, Answers), smoothing, theta.Slice(r * 6, Answers));
            SetRow(statistics.FitsMass.AsSpan(r * Answers, Answers), smoothing, theta.Slice((r * 6) + Answers, Answers));
        }
    }

    protected override void ProjectRaters(Span<double> theta)
    {
        for (var row = 0; row < RaterCount * 2; row++)
        {
            Normalize(theta.Slice(row * Answers, Answers));
        }
    }

    protected override void SetRater(int rater, RaterRows rows, Span<double> theta)
    {
        for (var a = 0; a < Answers; a++)
        {
            theta[(rater * 6) + a] = Math.Log(Math.Max(rows.GivenNotFits[a], ProbabilityFloor));
            theta[(rater * 6) + Answers + a] = Math.Log(Math.Max(rows.GivenFits[a], ProbabilityFloor));
        }
    }

    private static void SetRow(ReadOnlySpan<double> mass, double smoothing, Span<double> logRow)
    {
        var total = mass[0] + mass[1] + mass[2] + (Answers * smoothing);
        for (var a = 0; a < Answers; a++)
        {
            // A rater with no votes (total 0) gets the uniform row: it never enters an E-step anyway.
            var p = total > 0 ? (mass[a] + smoothing) / total : 1.0 / Answers;
            logRow[a] = Math.Log(Math.Max(p, ProbabilityFloor));
        }
    }

    /// <summary>Log-sum-exp normalisation of one row of log-probabilities, then the floor.</summary>
    private static void Normalize(Span<double> logRow)
    {
        var max = Math.Max(logRow[0], Math.Max(logRow[1], logRow[2]));
        if (!double.IsFinite(max))
        {
            logRow.Fill(Math.Log(1.0 / Answers));
            return;
        }

        var log = max + Math.Log(Math.Exp(logRow[0] - max) + Math.Exp(logRow[1] - max) + Math.Exp(logRow[2] - max));
        for (var a = 0; a < Answers; a++)
        {
            logRow[a] = Math.Max(logRow[a] - log, LogFloor);
        }
    }
}
