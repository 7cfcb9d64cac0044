using System.Globalization;
using Real.Aggregation.DawidSkene;
using Real.Contracts;
using Real.Data.ImageNet;
using Real.Data.RealVotes;

namespace Real.Aggregation.Inputs;

/// <summary>
/// Builds a rule input straight from a published ReaL vote archive (raters.npz) and the ImageNet metadata, without
/// the event store: what <c>bench aggregate</c> measures. Raters are named "real:{id}".
/// </summary>
public static class RealVotesInput
{
    public const string RaterPrefix = "real:";

    public static DatasetSnapshot ImageNetValidationDataset(ImageNetMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var files = Enumerable.Range(0, metadata.ValidationLabels.Count).Select(ImageNetValidation.ImageFileName).ToArray();
        return new DatasetSnapshot(StreamNames.ImageNetVal, files, metadata.ValidationLabels, metadata.Classes.Select(c => c.IsAnimal).ToArray());
    }

    public static AggregationInput Build(RealVoteFile votes, DatasetSnapshot dataset)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(dataset);
        var builder = new AggregationInputBuilder(dataset);
        var questions = new int[votes.Questions.Count];
        for (var q = 0; q < questions.Length; q++)
        {
            var file = votes.Questions.ImageFile(q);
            var image = dataset.IndexOf(file);
            if (image < 0)
            {
                throw new InvalidDataException($"{votes.Path}: question {q} names image '{file}', which is not an ImageNet validation image.");
            }

            questions[q] = builder.Question(image, votes.Questions.Label(q));
        }

        var raters = votes.RaterIds.Select(id => builder.Rater(RaterPrefix + id.ToString(CultureInfo.InvariantCulture))).ToArray();
        foreach (var vote in votes.Votes)
        {
            builder.Add(questions[vote.Question], raters[vote.Rater], (Answer)vote.Answer);
        }

        return builder.Build();
    }
}
