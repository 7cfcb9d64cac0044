namespace Real.Aggregation.DawidSkene;

/// <summary>The soft majority: per question the mean of the answers read as no = 0, maybe = <c>maybeWeight</c>, yes = 1.</summary>
public static class SoftMajority
{
    public static double[] Scores(VoteMatrix votes, double maybeWeight = 0.5, double unratedScore = 0.5)
    {
        ArgumentNullException.ThrowIfNull(votes);
        Span<double> weights = [0, maybeWeight, 1];
        var scores = new double[votes.QuestionCount];
        var starts = votes.QuestionStarts;
        var cells = votes.Cells;
        for (var q = 0; q < scores.Length; q++)
        {
            var count = starts[q + 1] - starts[q];
            if (count == 0)
            {
                scores[q] = unratedScore;
                continue;
            }

            var sum = 0.0;
            for (var v = starts[q]; v < starts[q + 1]; v++)
            {
                sum += weights[cells[v] % VoteMatrix.AnswerCount];
            }

            scores[q] = sum / count;
        }

        return scores;
    }
}
