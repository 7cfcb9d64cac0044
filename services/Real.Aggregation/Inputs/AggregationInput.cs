using Real.Aggregation.DawidSkene;

namespace Real.Aggregation.Inputs;

/// <summary>
/// Everything a rule scores: the data set, the rated (image, label) questions sorted by image then label, the
/// crowd raters sorted by id, and their votes (latest answer per rater and question). Canonical order makes the
/// result a function of the set of votes, not of the order they arrived in.
/// </summary>
public sealed class AggregationInput
{
    public AggregationInput(DatasetSnapshot dataset, int[] questionImage, int[] questionLabel, string[] raterIds, VoteMatrix votes)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (questionImage.Length != questionLabel.Length || questionImage.Length != votes.QuestionCount)
        {
            throw new ArgumentException("Question arrays and the vote matrix disagree on the number of questions.", nameof(questionLabel));
        }

        if (raterIds.Length != votes.RaterCount)
        {
            throw new ArgumentException("Rater ids and the vote matrix disagree on the number of raters.", nameof(raterIds));
        }

        Dataset = dataset;
        QuestionImage = questionImage;
        QuestionLabel = questionLabel;
        RaterIds = raterIds;
        Votes = votes;
    }

    public DatasetSnapshot Dataset { get; }

    /// <summary>Question q asks whether class <see cref="QuestionLabel"/>[q] fits image <see cref="QuestionImage"/>[q] (a dataset index).</summary>
    public IReadOnlyList<int> QuestionImage { get; }

    public IReadOnlyList<int> QuestionLabel { get; }

    public IReadOnlyList<string> RaterIds { get; }

    public VoteMatrix Votes { get; }

    public int QuestionCount => QuestionLabel.Count;
}
