using Real.Aggregation.DawidSkene;

namespace Real.Aggregation.Inputs;

/// <summary>
/// Collects crowd votes by (image, label, rater id) in any order and builds an <see cref="AggregationInput"/> in
/// canonical order: questions by (image index, label), raters by id (ordinal). A rater answering a question again
/// replaces the earlier answer when its order (answer time) is later or equal.
/// </summary>
public sealed class AggregationInputBuilder(DatasetSnapshot dataset)
{
    private readonly Dictionary<long, int> _questions = [];
    private readonly List<long> _questionKeys = [];
    private readonly Dictionary<string, int> _raters = new(StringComparer.Ordinal);
    private readonly List<string> _raterIds = [];
    private readonly List<PendingVote> _votes = [];

    public DatasetSnapshot Dataset { get; } = dataset;

    public int VoteCount => _votes.Count;

    /// <summary>The question's builder-local index; registers it on first use.</summary>
    public int Question(int image, int label)
    {
        if ((uint)image >= (uint)Dataset.ImageCount)
        {
            throw new ArgumentOutOfRangeException(nameof(image), image, $"Image index must be in [0, {Dataset.ImageCount}).");
        }

        if ((uint)label >= (uint)Dataset.ClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, $"Label of image '{Dataset.ImageFiles[image]}' must be a class index in [0, {Dataset.ClassCount}).");
        }

        var key = ((long)image << 32) | (uint)label;
        if (!_questions.TryGetValue(key, out var index))
        {
            index = _questionKeys.Count;
            _questions.Add(key, index);
            _questionKeys.Add(key);
        }

        return index;
    }

    /// <summary>The rater's builder-local index; registers it on first use.</summary>
    public int Rater(string raterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(raterId);
        if (!_raters.TryGetValue(raterId, out var index))
        {
            index = _raterIds.Count;
            _raters.Add(raterId, index);
            _raterIds.Add(raterId);
        }

        return index;
    }

    public AggregationInputBuilder Add(int question, int rater, Answer answer, long order = 0)
    {
        _votes.Add(new PendingVote(question, rater, answer, order));
        return this;
    }

    public AggregationInputBuilder Add(int image, int label, string raterId, Answer answer, long order = 0) =>
        Add(Question(image, label), Rater(raterId), answer, order);

    public AggregationInput Build()
    {
        var questionOrder = Enumerable.Range(0, _questionKeys.Count).ToArray();
        Array.Sort(_questionKeys.ToArray(), questionOrder);
        var questionRank = Invert(questionOrder);

        var raterOrder = Enumerable.Range(0, _raterIds.Count).ToArray();
        Array.Sort(_raterIds.ToArray(), raterOrder, StringComparer.Ordinal);
        var raterRank = Invert(raterOrder);

        var builder = new VoteMatrixBuilder(_questionKeys.Count, _raterIds.Count);
        foreach (var vote in _votes)
        {
            builder.Add(questionRank[vote.Question], raterRank[vote.Rater], vote.Answer, vote.Order);
        }

        var questionImage = new int[questionOrder.Length];
        var questionLabel = new int[questionOrder.Length];
        for (var q = 0; q < questionOrder.Length; q++)
        {
            var key = _questionKeys[questionOrder[q]];
            questionImage[q] = (int)(key >> 32);
            questionLabel[q] = (int)(uint)key;
        }

        var raterIds = raterOrder.Select(r => _raterIds[r]).ToArray();
        return new AggregationInput(Dataset, questionImage, questionLabel, raterIds, builder.Build());
    }

    private static int[] Invert(int[] order)
    {
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        return rank;
    }

    private readonly record struct PendingVote(int Question, int Rater, Answer Answer, long Order);
}
