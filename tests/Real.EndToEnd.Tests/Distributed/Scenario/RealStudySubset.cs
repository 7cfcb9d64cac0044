using System.Globalization;
using System.Text;
using Real.Data.ImageNet;
using Real.Data.RealVotes;
using Real.Hosting.Distributed;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// A CI-sized slice of the ReaL study: the first <see cref="ImageCount"/> validation images (with at most 15 questions) the raters
/// were asked about, their (image, label) questions and every published vote on them. Two imported "models" both
/// propose exactly those labels, so the proposals service's pool (min 2 models, plus the original label) asks the
/// study's questions again, and a rating tool answers them with the study's votes. Everything is deterministic:
/// the embedded and the distributed run see the same inputs in the same order.
/// </summary>
public sealed class RealStudySubset
{
    public const string DatasetId = "imagenet-val";
    public const string ToolId = "real-study";
    public static readonly string[] Models = ["study-a", "study-b"];
    private static readonly DateTimeOffset AnsweredAt = new(2020, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<RealStudySubset> Default = new(() => Load(200));

    private RealStudySubset(int imageCount, IReadOnlyList<(string Image, int[] Labels)> questions, IReadOnlyList<ToolRating> ratings)
    {
        ImageCount = imageCount;
        Questions = questions;
        Ratings = ratings;
    }

    public static RealStudySubset Instance => Default.Value;

    public int ImageCount { get; }

    /// <summary>Per image (by file name), the labels the study asked about, in class order.</summary>
    public IReadOnlyList<(string Image, int[] Labels)> Questions { get; }

    /// <summary>Every published vote on those questions, as the tool submits them (rater ids in the tool's namespace).</summary>
    public IReadOnlyList<ToolRating> Ratings { get; }

    public int QuestionCount => Questions.Sum(q => q.Labels.Length);

    public static RealStudySubset Load(int images)
    {
        var votes = RealVoteFileReader.Read(Path.Combine(RepositoryRoot.DataRoot, "real", RealVotesArchive.RatersFile));
        var q = votes.Questions;
        // Images with at most 15 questions: the pool keeps 16 candidates, one of them always the original label.
        var chosen = Enumerable.Range(0, q.Count).GroupBy(q.ImageFile, StringComparer.Ordinal).Where(g => g.Count() <= 15)
            .Select(g => g.Key).Order(StringComparer.Ordinal).Take(images).ToHashSet(StringComparer.Ordinal);
        var questions = Enumerable.Range(0, q.Count).Where(i => chosen.Contains(q.ImageFile(i)))
            .GroupBy(q.ImageFile, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(q.Label).Order().ToArray()))
            .ToList();
        var ratings = votes.Votes.Where(v => chosen.Contains(q.ImageFile(v.Question)))
            .OrderBy(v => q.ImageFile(v.Question), StringComparer.Ordinal).ThenBy(v => q.Label(v.Question)).ThenBy(v => votes.RaterIds[v.Rater])
            .Select(v => new ToolRating(
                $"q{v.Question}-r{votes.RaterIds[v.Rater]}",
                q.ImageFile(v.Question),
                q.Label(v.Question),
                $"{ToolId}:rater{votes.RaterIds[v.Rater]}",
                v.Answer switch { RealVoteAnswer.Yes => "yes", RealVoteAnswer.Maybe => "maybe", _ => "no" },
                AnsweredAt))
            .ToList();
        return new RealStudySubset(chosen.Count, questions, ratings);
    }

    /// <summary>One model's top-k CSV (file,label,score): the study's labels of each image, best first.</summary>
    public string WritePredictions(string directory, string modelId)
    {
        var path = Path.Combine(directory, $"{modelId}.csv");
        var csv = new StringBuilder("file,label,score\n");
        foreach (var (image, labels) in Questions)
        {
            for (var r = 0; r < labels.Length; r++)
            {
                // Scores fall with rank; the two models differ only in their scores, not in their labels.
                var score = (modelId == Models[0] ? 0.9 : 0.8) / (r + 1);
                csv.Append(image).Append(',').Append(labels[r].ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(score.ToString("0.000000", CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>The ratings as a JSON Lines file for `real import ratings` (the embedded run's intake).</summary>
    public string WriteRatingsJsonl(string directory)
    {
        var path = Path.Combine(directory, "ratings.jsonl");
        using var writer = new StreamWriter(path);
        foreach (var r in Ratings)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{{\"ratingId\":\"{r.RatingId}\",\"image\":\"{r.Image}\",\"label\":{r.Label},\"raterId\":\"{r.RaterId}\",\"answer\":\"{r.Answer}\",\"answeredAt\":\"{r.AnsweredAt:yyyy-MM-ddTHH:mm:ssZ}\",\"datasetId\":\"{DatasetId}\"}}\n"));
        }

        return path;
    }

    /// <summary>The SubmitRatings bodies the tool publishes: consecutive ratings, <paramref name="batchSize"/> per batch.</summary>
    public IReadOnlyList<(string BatchId, byte[] Body)> Batches(int batchSize) =>
        Ratings.Chunk(batchSize).Select((chunk, i) => ($"study-{i}", SubmitRatingsJson.Write(ToolId, $"study-{i}", DatasetId, chunk))).ToList();

    /// <summary>The ImageNet validation set's registration (what `real import real-votes` registers first).</summary>
    public static ImageNetMetadata ImageNet => ImageNetMetadata.Load(Path.Combine(RepositoryRoot.DataRoot, "imagenet"));
}
