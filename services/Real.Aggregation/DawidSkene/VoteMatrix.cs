namespace Real.Aggregation.DawidSkene;

/// <summary>
/// Every vote of every rater on binary (image, label) questions, stored flat and sorted by question (compressed
/// sparse rows): the votes of question q are <c>Cells[QuestionStarts[q] .. QuestionStarts[q + 1]]</c>, each cell being
/// <c>rater * 3 + answer</c> (answer 0 = no, 1 = maybe, 2 = yes). One vote per (rater, question): the builder keeps the
/// latest. This layout makes the E-step of EM a run of table lookups over contiguous memory.
/// </summary>
public sealed class VoteMatrix
{
    /// <summary>Answers a rater can give: no, maybe, yes.</summary>
    public const int AnswerCount = 3;

    private readonly int[] _questionStarts;
    private readonly int[] _cells;
    private readonly int[] _cellCounts;

    internal VoteMatrix(int questionCount, int raterCount, int[] questionStarts, int[] cells)
    {
        if (questionStarts.Length != questionCount + 1 || questionStarts[^1] != cells.Length)
        {
            throw new ArgumentException("Question starts must hold one entry per question plus the total vote count.", nameof(questionStarts));
        }

        QuestionCount = questionCount;
        RaterCount = raterCount;
        _questionStarts = questionStarts;
        _cells = cells;
        _cellCounts = new int[raterCount * AnswerCount];
        foreach (var cell in cells)
        {
            _cellCounts[cell]++;
        }
    }

    public int QuestionCount { get; }

    public int RaterCount { get; }

    public int VoteCount => _cells.Length;

    /// <summary>Offsets into <see cref="Cells"/>: question q's votes start at [q] and end before [q + 1].</summary>
    public ReadOnlySpan<int> QuestionStarts => _questionStarts;

    /// <summary>One entry per vote: <c>rater * 3 + answer</c>.</summary>
    public ReadOnlySpan<int> Cells => _cells;

    /// <summary>How many votes each (rater, answer) cell holds; index <c>rater * 3 + answer</c>.</summary>
    public ReadOnlySpan<int> CellCounts => _cellCounts;

    public int VotesOn(int question) => _questionStarts[question + 1] - _questionStarts[question];

    public int VotesBy(int rater) => _cellCounts[rater * AnswerCount] + _cellCounts[(rater * AnswerCount) + 1] + _cellCounts[(rater * AnswerCount) + 2];

    /// <summary>The votes on one question, in rater order.</summary>
    public IEnumerable<Vote> VotesOf(int question)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(question);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(question, QuestionCount);
        for (var i = _questionStarts[question]; i < _questionStarts[question + 1]; i++)
        {
            yield return new Vote(question, _cells[i] / AnswerCount, (Answer)(_cells[i] % AnswerCount));
        }
    }

    /// <summary>The answer <paramref name="rater"/> gave on <paramref name="question"/>, or null if none.</summary>
    public Answer? AnswerOf(int question, int rater)
    {
        for (var i = _questionStarts[question]; i < _questionStarts[question + 1]; i++)
        {
            if (_cells[i] / AnswerCount == rater)
            {
                return (Answer)(_cells[i] % AnswerCount);
            }
        }

        return null;
    }

    /// <summary>
    /// A copy with one more rater (index <see cref="RaterCount"/>) who answered <paramref name="answers"/>[q] on
    /// question q, or nothing where that is null. One linear merge: the new rater's vote goes last in each question.
    /// </summary>
    public VoteMatrix WithExtraRater(ReadOnlySpan<Answer?> answers)
    {
        if (answers.Length != QuestionCount)
        {
            throw new ArgumentException($"Expected one entry per question ({QuestionCount}), got {answers.Length}.", nameof(answers));
        }

        var extra = 0;
        foreach (var answer in answers)
        {
            extra += answer is null ? 0 : 1;
        }

        var newRater = RaterCount;
        var starts = new int[QuestionCount + 1];
        var cells = new int[_cells.Length + extra];
        var at = 0;
        for (var q = 0; q < QuestionCount; q++)
        {
            starts[q] = at;
            var from = _questionStarts[q];
            var count = _questionStarts[q + 1] - from;
            Array.Copy(_cells, from, cells, at, count);
            at += count;
            if (answers[q] is { } answer)
            {
                cells[at++] = (newRater * AnswerCount) + (int)answer;
            }
        }

        starts[QuestionCount] = at;
        return new VoteMatrix(QuestionCount, RaterCount + 1, starts, cells);
    }
}
