using System.Globalization;
using Real.Aggregation.DawidSkene;
using Real.Aggregation.Inputs;

namespace Real.Aggregation.Tests.Simulation;

/// <summary>Small data sets and inputs for hand-made cases and for turning simulated campaigns into rule inputs.</summary>
public static class TestDatasets
{
    public const string DatasetId = "test-set";

    public static string ImageFile(int index) => string.Create(CultureInfo.InvariantCulture, $"IMG_{index + 1:D6}.JPEG");

    /// <summary>A data set of <paramref name="originalLabels"/>.Length images; classes below <paramref name="animalClasses"/> are animals.</summary>
    public static DatasetSnapshot Dataset(int[] originalLabels, int classes, int animalClasses) =>
        new(DatasetId, originalLabels.Select((_, i) => ImageFile(i)).ToArray(), originalLabels, Enumerable.Range(0, classes).Select(c => c < animalClasses).ToArray());

    /// <summary>The rule input of a simulated campaign: its questions, its raters named "sim:rNN", its votes.</summary>
    public static AggregationInput Input(SimulatedRatings campaign)
    {
        var dataset = Dataset(campaign.OriginalLabels, campaign.Spec.Classes, campaign.Spec.AnimalClasses);
        var builder = new AggregationInputBuilder(dataset);
        for (var q = 0; q < campaign.QuestionCount; q++)
        {
            foreach (var vote in campaign.Votes.VotesOf(q))
            {
                builder.Add(campaign.QuestionImage[q], campaign.QuestionLabel[q], RaterId(vote.Rater), vote.Answer);
            }
        }

        return builder.Build();
    }

    public static string RaterId(int rater) => string.Create(CultureInfo.InvariantCulture, $"sim:r{rater:D2}");

    /// <summary>A hand-made input: each entry is (image, label, rater id, answer).</summary>
    public static AggregationInput Input(DatasetSnapshot dataset, params (int Image, int Label, string Rater, Answer Answer)[] votes)
    {
        var builder = new AggregationInputBuilder(dataset);
        foreach (var (image, label, rater, answer) in votes)
        {
            builder.Add(image, label, rater, answer);
        }

        return builder.Build();
    }
}
