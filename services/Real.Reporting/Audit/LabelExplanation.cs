namespace Real.Reporting.Audit;

/// <summary>Everything behind one (image, label): proposals, ratings with their history, rater models, the score and the verdict.</summary>
public sealed record LabelExplanation(
    int Label,
    string ClassName,
    bool IsOriginal,
    bool? InSet,
    double? Score,
    IReadOnlyList<ProposalVote> ProposedBy,
    IReadOnlyList<RatingExplanation> Ratings,
    IReadOnlyList<RaterModel> RaterModels);

/// <summary>A model that had the label in its top-k for the image.</summary>
public sealed record ProposalVote(string ModelId, int Rank, double? Logit, double? Probability, long Position);

/// <summary>
/// A rater's answer to the question: the one aggregation uses (the latest by answered-at), with every earlier answer
/// of the same rater in <see cref="History"/>, oldest first.
/// </summary>
public sealed record RatingExplanation(
    string RaterId,
    string Role,
    string Answer,
    DateTimeOffset AnsweredAt,
    string ToolId,
    string BatchId,
    string RatingId,
    long Position,
    IReadOnlyList<RatingExplanation> History);

/// <summary>A rater's estimated confusion matrix, P(answer | truth) over (no, maybe, yes).</summary>
public sealed record RaterModel(string RaterId, int Votes, IReadOnlyList<double> GivenNotFits, IReadOnlyList<double> GivenFits);
