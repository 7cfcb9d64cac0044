namespace Real.Aggregation.DawidSkene;

/// <summary>
/// Collects votes in any order and builds a <see cref="VoteMatrix"/> sorted by question. When a rater answered the
/// same question more than once, the vote with the greatest <c>order</c> wins (e.g. the answer time in ticks); on a
/// tie, the one added last (the later event in the log).
/// </summary>
public sealed class VoteMatrixBuilder(int questionCount, int raterCount)
{
    private int[] _questions = new int[1024];
    private int[] _cells = new int[1024];
    private long[] _orders = new long[1024];

    public int QuestionCount { get; } = questionCount >= 0 ? questionCount : throw new ArgumentOutOfRangeException(nameof(questionCount));

    public int RaterCount { get; } = raterCount >= 0 ? raterCount : throw new ArgumentOutOfRangeException(nameof(raterCount));

    /// <summary>Votes added so far, repeats included.</summary>
    public int Count { get; private set; }

    public VoteMatrixBuilder Add(int question, int rater, Answer answer, long order = 0)
    {
        if ((uint)question >= (uint)QuestionCount)
        {
            throw new ArgumentOutOfRangeException(nameof(question), question, $"Question index must be in [0, {QuestionCount}).");
        }

        if ((uint)rater >= (uint)RaterCount)
        {
            throw new ArgumentOutOfRangeException(nameof(rater), rater, $"Rater index must be in [0, {RaterCount}).");
        }

        if ((byte)answer >= VoteMatrix.AnswerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(answer), answer, "Answer must be no, maybe or yes.");
        }

        if (Count == _questions.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _questions, size);
            Array.Resize(ref _cells, size);
            Array.Resize(ref _orders, size);
        }

        _questions[Count] = question;
        _cells[Count] = (rater * VoteMatrix.AnswerCount) + (int)answer;
        _orders[Count] = order;
        Count++;
        return this;
    }

    public VoteMatrix Build()
    {
        // Counting sort by question; stable, so within a question votes keep the order they were added in.
        var starts = new int[QuestionCount + 1];
        for (var i = 0; i < Count; i++)
        {
            starts[_questions[i] + 1]++;
        }

        for (var q = 0; q < QuestionCount; q++)
        {
            starts[q + 1] += starts[q];
        }

        var next = starts.AsSpan(0, QuestionCount).ToArray();
        var sortedCells = new int[Count];
        var sortedOrders = new long[Count];
        for (var i = 0; i < Count; i++)
        {
            var slot = next[_questions[i]]++;
            sortedCells[slot] = _cells[i];
            sortedOrders[slot] = _orders[i];
        }

        // Keep one vote per (rater, question): the latest. Questions hold a handful of votes, so a quadratic scan is cheapest.
        var outStarts = new int[QuestionCount + 1];
        var outCells = new int[Count];
        var keptOrders = new long[Count];
        var written = 0;
        for (var q = 0; q < QuestionCount; q++)
        {
            outStarts[q] = written;
            var questionBegin = written;
            for (var i = starts[q]; i < starts[q + 1]; i++)
            {
                var rater = sortedCells[i] / VoteMatrix.AnswerCount;
                var kept = -1;
                for (var j = questionBegin; j < written; j++)
                {
                    if (outCells[j] / VoteMatrix.AnswerCount == rater)
                    {
                        kept = j;
                        break;
                    }
                }

                if (kept < 0)
                {
                    kept = written++;
                }
                else if (sortedOrders[i] < keptOrders[kept])
                {
                    continue;
                }

                outCells[kept] = sortedCells[i];
                keptOrders[kept] = sortedOrders[i];
            }

            // Rater order within a question makes the matrix independent of the order votes arrived in.
            Array.Sort(outCells, questionBegin, written - questionBegin);
        }

        outStarts[QuestionCount] = written;
        return new VoteMatrix(QuestionCount, RaterCount, outStarts, written == Count ? outCells : outCells[..written]);
    }
}
