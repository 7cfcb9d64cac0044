namespace Real.Aggregation.DawidSkene;

/// <summary>
/// One coin per rater: θ holds logit(p) at <c>rater * 2</c> (accuracy on decisive answers) and logit(m) at
/// <c>rater * 2 + 1</c> (the "maybe" rate). P(yes | fits) = P(no | not) = (1 − m)p, P(no | fits) = P(yes | not) =
/// (1 − m)(1 − p), P(maybe | either) = m.
/// </summary>
internal sealed class OneCoinParameters(int raterCount, EmOptions options) : ParameterModel(raterCount, options)
{
    private const int No = (int)Answer.No;
    private const int Maybe = (int)Answer.Maybe;
    private const int Yes = (int)Answer.Yes;

    public override int ParametersPerRater => 2;

    public override void FillTables(ReadOnlySpan<double> theta, Span<double> logRatio, Span<double> logNotFits)
    {
        for (var r = 0; r < RaterCount; r++)
        {
            var logRight = LogSigmoid(theta[r * 2]);
            var logWrong = LogSigmoid(-theta[r * 2]);
            var logMaybe = LogSigmoid(theta[(r * 2) + 1]);
            var logDecisive = LogSigmoid(-theta[(r * 2) + 1]);
            var cell = r * VoteMatrix.AnswerCount;
            logNotFits[cell + No] = logDecisive + logRight;
            logNotFits[cell + Maybe] = logMaybe;
            logNotFits[cell + Yes] = logDecisive + logWrong;
            logRatio[cell + No] = logWrong - logRight;
            logRatio[cell + Maybe] = 0;
            logRatio[cell + Yes] = logRight - logWrong;
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
        for (var i = 0; i < RaterCount * 2; i++)
        {
            sum += LogSigmoid(theta[i]) + LogSigmoid(-theta[i]);
        }

        return smoothing * sum;
    }

    protected override void MaximizeRaters(SufficientStatistics statistics, Span<double> theta)
    {
        var smoothing = Options.Smoothing;
        for (var r = 0; r < RaterCount; r++)
        {
            var cell = r * VoteMatrix.AnswerCount;
            var right = statistics.FitsMass[cell + Yes] + statistics.NotFitsMass[cell + No];
            var wrong = statistics.FitsMass[cell + No] + statistics.NotFitsMass[cell + Yes];
            var maybe = statistics.FitsMass[cell + Maybe] + statistics.NotFitsMass[cell + Maybe];
            theta[r * 2] = Ratio(right + smoothing, right + wrong + (2 * smoothing));
            theta[(r * 2) + 1] = Ratio(maybe + smoothing, maybe + right + wrong + (2 * smoothing));
        }
    }

    protected override void ProjectRaters(Span<double> theta)
    {
        for (var i = 0; i < RaterCount * 2; i++)
        {
            theta[i] = ClampLogit(theta[i]);
        }
    }

    protected override void SetRater(int rater, RaterRows rows, Span<double> theta)
    {
        // Read back the coin from a stored matrix: accuracy on decisive answers, averaged over both truths.
        var right = rows.GivenFits[Yes] + rows.GivenNotFits[No];
        var wrong = rows.GivenFits[No] + rows.GivenNotFits[Yes];
        var maybe = (rows.GivenFits[Maybe] + rows.GivenNotFits[Maybe]) / 2;
        theta[rater * 2] = Ratio(right, right + wrong);
        theta[(rater * 2) + 1] = Logit(Math.Clamp(maybe, ProbabilityFloor, 1 - ProbabilityFloor));
    }

    private static double Ratio(double part, double total) =>
        total > 0 ? Logit(Math.Clamp(part / total, ProbabilityFloor, 1 - ProbabilityFloor)) : 0;
}
