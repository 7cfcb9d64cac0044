using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Real.Aggregation.DawidSkene;

/// <summary>
/// One fused E-step + sufficient-statistics pass over every vote. The questions are cut into fixed blocks of
/// <see cref="EmOptions.BlockSize"/>; each block writes its own partial sums, and the partials are added in block
/// order afterwards. The summation order is therefore fixed by the data alone, so the result is bit-identical for
/// any number of threads.
/// </summary>
internal sealed class EmPass
{
    private const int Answers = VoteMatrix.AnswerCount;

    private readonly VoteMatrix _votes;
    private readonly int _threads;
    private readonly int _cells;
    private readonly int _blockCount;
    private readonly int _stride;
    private readonly double[] _partials;

    public EmPass(VoteMatrix votes, int threads)
    {
        _votes = votes;
        _threads = threads;
        _cells = votes.RaterCount * Answers;
        _blockCount = (votes.QuestionCount + EmOptions.BlockSize - 1) / EmOptions.BlockSize;

        // Per block: fits mass per cell, not-fits mass per cell, score sum, log-likelihood, largest score change.
        // Padded to 64-byte lines so two threads never write the same cache line.
        _stride = ((2 * _cells) + 3 + 7) & ~7;
        _partials = new double[Math.Max(_blockCount, 1) * _stride];
    }

    /// <summary>
    /// Scores every question under the tables, writes them to <paramref name="scores"/>, and returns the largest
    /// change against <paramref name="previous"/> and the log-likelihood (NaN unless asked for). The sufficient
    /// statistics go to <paramref name="statistics"/>.
    /// </summary>
    public (double MaxChange, double LogLikelihood) Run(
        double[] logRatio,
        double[] logNotFits,
        double priorLogit,
        double[] previous,
        double[] scores,
        bool withLikelihood,
        SufficientStatistics statistics)
    {
        var logPriorNot = ParameterModel.LogSigmoid(-priorLogit);
        if (_threads == 1 || _blockCount < 2)
        {
            for (var b = 0; b < _blockCount; b++)
            {
                ScoreBlock(b, logRatio, priorLogit, previous, scores, withLikelihood);
            }
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
            Parallel.For(0, _blockCount, options, b => ScoreBlock(b, logRatio, priorLogit, previous, scores, withLikelihood));
        }

        var (maxChange, softplusSum) = Combine(statistics);
        if (!withLikelihood)
        {
            return (maxChange, double.NaN);
        }

        var logLikelihood = (_votes.QuestionCount * logPriorNot) + softplusSum;
        var counts = _votes.CellCounts;
        for (var c = 0; c < _cells; c++)
        {
            if (counts[c] > 0)
            {
                logLikelihood += counts[c] * logNotFits[c];
            }
        }

        return (maxChange, logLikelihood);
    }

    /// <summary>Sufficient statistics of given scores, without an E-step (the M-step of the initialisation).</summary>
    public void Accumulate(double[] scores, SufficientStatistics statistics)
    {
        for (var b = 0; b < _blockCount; b++)
        {
            var partial = _partials.AsSpan(b * _stride, _stride);
            partial.Clear();
            var (first, end) = Range(b);
            var starts = _votes.QuestionStarts;
            var cells = _votes.Cells;
            for (var q = first; q < end; q++)
            {
                var mu = scores[q];
                partial[2 * _cells] += mu;
                for (var v = starts[q]; v < starts[q + 1]; v++)
                {
                    partial[cells[v]] += mu;
                    partial[_cells + cells[v]] += 1 - mu;
                }
            }
        }

        Combine(statistics);
    }

    private (int First, int End) Range(int block) =>
        (block * EmOptions.BlockSize, Math.Min((block + 1) * EmOptions.BlockSize, _votes.QuestionCount));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScoreBlock(
        int block,
        double[] logRatioTable,
        double priorLogit,
        double[] previous,
        double[] scores,
        bool withLikelihood)
    {
        var (first, end) = Range(block);
        var partial = _partials.AsSpan(block * _stride, _stride);
        partial.Clear();
        ref var fitsMass = ref MemoryMarshal.GetReference(partial);
        ref var notFitsMass = ref Unsafe.Add(ref fitsMass, _cells);
        ref var logRatio = ref MemoryMarshal.GetArrayDataReference(logRatioTable);
        ref var previousScores = ref MemoryMarshal.GetArrayDataReference(previous);
        ref var newScores = ref MemoryMarshal.GetArrayDataReference(scores);
        ref var starts = ref MemoryMarshal.GetReference(_votes.QuestionStarts);
        ref var cells = ref MemoryMarshal.GetReference(_votes.Cells);

        var scoreSum = 0.0;
        var logLikelihood = 0.0;
        var maxChange = 0.0;
        var from = Unsafe.Add(ref starts, first);
        for (var q = first; q < end; q++)
        {
            var to = Unsafe.Add(ref starts, q + 1);
            var s = priorLogit;
            for (var v = from; v < to; v++)
            {
                s += Unsafe.Add(ref logRatio, Unsafe.Add(ref cells, v));
            }

            // mu = σ(s) and 1 − mu = σ(−s), both from one exp of −|s| so neither loses precision near 0 or 1.
            var e = Math.Exp(-Math.Abs(s));
            var inverse = 1 / (1 + e);
            double mu, notMu;
            if (s >= 0)
            {
                mu = inverse;
                notMu = e * inverse;
            }
            else
            {
                mu = e * inverse;
                notMu = inverse;
            }

            if (withLikelihood)
            {
                // log P(votes of q) = log(1 − π) + Σ log P(a | not) + softplus(s); the first two terms are summed
                // over all questions at once from the vote counts (see Run), only softplus is per question.
                logLikelihood += Math.Max(s, 0) + double.LogP1(e);
            }

            for (var v = from; v < to; v++)
            {
                var cell = Unsafe.Add(ref cells, v);
                Unsafe.Add(ref fitsMass, cell) += mu;
                Unsafe.Add(ref notFitsMass, cell) += notMu;
            }

            var change = Math.Abs(mu - Unsafe.Add(ref previousScores, q));
            if (change > maxChange)
            {
                maxChange = change;
            }

            Unsafe.Add(ref newScores, q) = mu;
            scoreSum += mu;
            from = to;
        }

        partial[2 * _cells] = scoreSum;
        partial[(2 * _cells) + 1] = logLikelihood;
        partial[(2 * _cells) + 2] = maxChange;
    }

    private (double MaxChange, double LogLikelihood) Combine(SufficientStatistics statistics)
    {
        var fits = statistics.FitsMass.AsSpan();
        var notFits = statistics.NotFitsMass.AsSpan();
        fits.Clear();
        notFits.Clear();
        var scoreSum = 0.0;
        var logLikelihood = 0.0;
        var maxChange = 0.0;
        for (var b = 0; b < _blockCount; b++)
        {
            var partial = _partials.AsSpan(b * _stride, _stride);
            for (var c = 0; c < _cells; c++)
            {
                fits[c] += partial[c];
                notFits[c] += partial[_cells + c];
            }

            scoreSum += partial[2 * _cells];
            logLikelihood += partial[(2 * _cells) + 1];
            maxChange = Math.Max(maxChange, partial[(2 * _cells) + 2]);
        }

        statistics.ScoreSum = scoreSum;
        return (maxChange, logLikelihood);
    }
}
