namespace Real.Aggregation.DawidSkene;

/// <summary>
/// Expectation-maximisation for binary questions with per-rater confusion matrices (Dawid &amp; Skene 1979).
/// Starts from the soft majority (or a warm start), iterates the EM map F(θ) = M(E(θ)) — optionally accelerated by
/// SQUAREM — until one more plain EM step would change no score by <see cref="EmOptions.Tolerance"/> or more.
/// Deterministic: the same votes and options give bit-identical results for any thread count.
/// </summary>
public static class DawidSkeneEstimator
{
    private const double StepGrowth = 4;

    /// <summary>SQUAREM rejects an extrapolation whose log posterior is below the plain EM step's by more than this share of its magnitude.</summary>
    private const double LikelihoodSlack = 1e-10;

    public static EmResult Estimate(VoteMatrix votes, EmOptions options, WarmStart? warmStart = null)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new Run(votes, options).Execute(warmStart);
    }

    /// <summary>One EM run's working state: the parameter model, the pass, and two score buffers used in turn.</summary>
    private sealed class Run
    {
        private readonly VoteMatrix _votes;
        private readonly EmOptions _options;
        private readonly ParameterModel _model;
        private readonly EmPass _pass;
        private readonly SufficientStatistics _statistics;
        private readonly double[] _logRatio;
        private readonly double[] _logNotFits;
        private readonly double[][] _scores;
        private int _evaluations;

        public Run(VoteMatrix votes, EmOptions options)
        {
            _votes = votes;
            _options = options;
            _model = ParameterModel.Create(votes.RaterCount, options);
            _pass = new EmPass(votes, options.Threads);
            _statistics = new SufficientStatistics(votes.RaterCount * VoteMatrix.AnswerCount, votes.QuestionCount);
            _logRatio = new double[votes.RaterCount * VoteMatrix.AnswerCount];
            _logNotFits = new double[_logRatio.Length];
            _scores = [new double[votes.QuestionCount], new double[votes.QuestionCount]];
        }

        public EmResult Execute(WarmStart? warmStart)
        {
            // θ0 = M(soft majority); a warm start then replaces the rows it knows.
            var initial = SoftMajority.Scores(_votes);
            _pass.Accumulate(initial, _statistics);
            var theta = new double[_model.Length];
            _model.Maximize(_statistics, theta);
            if (warmStart is not null)
            {
                _model.ApplyWarmStart(warmStart, theta);
            }

            Array.Copy(initial, _scores[1], initial.Length);
            return _options.Acceleration == EmAcceleration.Squarem ? Squarem(theta) : PlainEm(theta);
        }

        private EmResult PlainEm(double[] theta)
        {
            while (true)
            {
                var step = Evaluate(theta, withLikelihood: false);
                if (step.MaxChange < _options.Tolerance || _evaluations >= _options.MaxIterations)
                {
                    return Finish(step, step.MaxChange < _options.Tolerance);
                }

                theta = step.Next;
            }
        }

        private EmResult Squarem(double[] theta0)
        {
            var stepMax = 1.0;
            var at0 = Evaluate(theta0, withLikelihood: true);
            while (true)
            {
                // Plain EM step from θ1 = F(θ0): its score change is the convergence test, its output is θ2.
                var at1 = Evaluate(at0.Next, withLikelihood: true);
                if (at1.MaxChange < _options.Tolerance || _evaluations >= _options.MaxIterations)
                {
                    return Finish(at1, at1.MaxChange < _options.Tolerance);
                }

                var (extrapolated, step, wanted) = Extrapolate(at0.Theta, at0.Next, at1.Next, stepMax);
                if (step == 1)
                {
                    // θ' is θ2, the plain double step: nothing to check. Allow longer steps if a longer one was wanted.
                    at0 = Evaluate(at1.Next, withLikelihood: true);
                    if (wanted > stepMax)
                    {
                        stepMax *= StepGrowth;
                    }

                    continue;
                }

                var atExtrapolated = Evaluate(extrapolated, withLikelihood: true);
                var floor = at1.Objective - (LikelihoodSlack * Math.Abs(at1.Objective));
                if (double.IsFinite(atExtrapolated.Objective) && atExtrapolated.Objective >= floor)
                {
                    at0 = atExtrapolated;
                    if (step == stepMax)
                    {
                        stepMax *= StepGrowth;
                    }
                }
                else
                {
                    // The extrapolation overshot: fall back to the plain double step θ2 and be more careful.
                    at0 = Evaluate(at1.Next, withLikelihood: true);
                    if (step == stepMax)
                    {
                        stepMax = Math.Max(1, stepMax / StepGrowth);
                    }
                }

                if (_evaluations >= _options.MaxIterations)
                {
                    return Finish(at0, converged: false);
                }
            }
        }

        /// <summary>
        /// θ' = θ0 + 2αr + α²v with r = θ1 − θ0, v = θ2 − 2θ1 + θ0, α = |r| / |v| clamped to [1, stepMax]
        /// (α = 1 gives θ2 exactly). Also returns the unclamped α, so the caller can widen the bound.
        /// </summary>
        private (double[] Theta, double Step, double Wanted) Extrapolate(double[] theta0, double[] theta1, double[] theta2, double stepMax)
        {
            double rr = 0, vv = 0;
            for (var i = 0; i < theta0.Length; i++)
            {
                var r = theta1[i] - theta0[i];
                var v = theta2[i] - (2 * theta1[i]) + theta0[i];
                rr += r * r;
                vv += v * v;
            }

            var wanted = vv > 0 ? Math.Sqrt(rr / vv) : 1;
            var step = double.IsFinite(wanted) ? Math.Clamp(wanted, 1, stepMax) : 1;
            if (step == 1)
            {
                return (theta2, 1, wanted);
            }

            var extrapolated = new double[theta0.Length];
            for (var i = 0; i < theta0.Length; i++)
            {
                var r = theta1[i] - theta0[i];
                var v = theta2[i] - (2 * theta1[i]) + theta0[i];
                extrapolated[i] = theta0[i] + (2 * step * r) + (step * step * v);
            }

            _model.Project(extrapolated);
            return (extrapolated, step, wanted);
        }

        /// <summary>One EM map evaluation: E-step at θ (scores, log posterior) then M-step (the next θ).</summary>
        private Evaluation Evaluate(double[] theta, bool withLikelihood)
        {
            var previous = _scores[(_evaluations + 1) % 2];
            var scores = _scores[_evaluations % 2];
            _evaluations++;
            _model.FillTables(theta, _logRatio, _logNotFits);
            var (maxChange, logLikelihood) = _pass.Run(_logRatio, _logNotFits, theta[_model.PriorIndex], previous, scores, withLikelihood, _statistics);
            var next = new double[_model.Length];
            _model.Maximize(_statistics, next);
            var objective = withLikelihood ? logLikelihood + _model.LogPenalty(theta) : double.NaN;
            return new Evaluation(theta, next, scores, maxChange, objective);
        }

        private EmResult Finish(Evaluation last, bool converged)
        {
            var logLikelihood = double.IsNaN(last.Objective) ? LogLikelihoodAt(last) : last.Objective;
            return new EmResult(last.Scores, _model.ToEstimate(last.Next), _evaluations, converged, last.MaxChange, logLikelihood);
        }

        /// <summary>The log posterior at the final parameters, for the record (plain EM does not compute it per step).</summary>
        private double LogLikelihoodAt(Evaluation last)
        {
            var scratch = new double[_votes.QuestionCount];
            _model.FillTables(last.Theta, _logRatio, _logNotFits);
            var (_, logLikelihood) = _pass.Run(_logRatio, _logNotFits, last.Theta[_model.PriorIndex], last.Scores, scratch, withLikelihood: true, new SufficientStatistics(_logRatio.Length, _votes.QuestionCount));
            return logLikelihood + _model.LogPenalty(last.Theta);
        }
    }

    private sealed record Evaluation(double[] Theta, double[] Next, double[] Scores, double MaxChange, double Objective);
}
