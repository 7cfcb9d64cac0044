using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Data.ImageNet;
using Real.Data.RealVotes;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Hosting.Distributed;
using Real.RatingIntake.Importing.RealVotes;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// A ReaL-derived scenario sized for CI: the first <see cref="ImageCount"/> images (by file name) that the ReaL
/// raters were asked about, those questions, and every crowd vote on them (raters.npz), sent by one rating tool
/// (<see cref="ToolId"/>, raters "real-study:{id}") in batches of SubmitRatings. The data set registration is the
/// full ImageNet validation set, as `real import real-votes` writes it.
/// </summary>
public sealed class RealVotesScenario
{
    public const string ToolId = "real-study";

    /// <summary>The aggregation run every scenario asks for (its id makes the request idempotent).</summary>
    public static readonly Guid AggregationRunId = Guid.Parse("6d1f3c1e-0000-4000-8000-000000000007");

    private static readonly DateTimeOffset AnsweredAt = new(2020, 6, 12, 0, 0, 0, TimeSpan.Zero);

    private RealVotesScenario(DatasetRegistered dataset, IReadOnlyList<QuestionRef> questions, IReadOnlyList<ToolRating> ratings, int imageCount)
    {
        Dataset = dataset;
        Questions = questions;
        Ratings = ratings;
        ImageCount = imageCount;
    }

    public DatasetRegistered Dataset { get; }

    public IReadOnlyList<QuestionRef> Questions { get; }

    public IReadOnlyList<ToolRating> Ratings { get; }

    public int ImageCount { get; }

    public static string RatingsStream => StreamNames.Ratings(ToolId);

    public static RealVotesScenario Load(string dataRoot, int imageCount)
    {
        var votesFile = Path.Combine(dataRoot, "real", RealVotesArchive.RatersFile);
        if (!File.Exists(votesFile))
        {
            throw new FileNotFoundException($"The distributed scenario needs the ReaL votes: {votesFile} is missing (run `make data`, or set REAL_DATA).", votesFile);
        }

        var file = RealVoteFileReader.Read(votesFile);
        var dataset = ImageNetDatasetRegistration.Build(ImageNetMetadata.Load(Path.Combine(dataRoot, "imagenet")));
        var chosen = Enumerable.Range(0, file.Questions.Count).Select(file.Questions.ImageFile)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(imageCount).ToHashSet(StringComparer.Ordinal);
        var questions = new List<QuestionRef>();
        var inScenario = new bool[file.Questions.Count];
        for (var q = 0; q < file.Questions.Count; q++)
        {
            if (chosen.Contains(file.Questions.ImageFile(q)))
            {
                inScenario[q] = true;
                questions.Add(new QuestionRef(file.Questions.ImageFile(q), file.Questions.Label(q)));
            }
        }

        var ratings = new List<ToolRating>();
        for (var v = 0; v < file.Votes.Length; v++)
        {
            var vote = file.Votes[v];
            if (inScenario[vote.Question])
            {
                ratings.Add(new ToolRating($"v{v}", file.Questions.ImageFile(vote.Question), file.Questions.Label(vote.Question),
                    $"{ToolId}:{file.RaterIds[vote.Rater]}", vote.Answer.ToString().ToLowerInvariant(), AnsweredAt));
            }
        }

        return new RealVotesScenario(dataset, questions, ratings, chosen.Count);
    }

    /// <summary>The data set and the scenario's questions, appended idempotently (what an operator's import does).</summary>
    public async Task RegisterAsync(IEventStore store, EventSerializer serializer, CancellationToken cancellationToken)
    {
        await ImageNetDatasetRegistration.EnsureAsync(store, serializer, Dataset, cancellationToken);
        var id = DeterministicGuid.Create($"scenario-questions:{Dataset.DatasetId}:{ToolId}:{Questions.Count}");
        var questions = new QuestionsRegistered(Dataset.DatasetId, ToolId, Questions);
        await store.AppendToStreamAsync(StreamNames.Dataset(Dataset.DatasetId), ExpectedRevision.Any,
            [serializer.ToEventData(id, questions, new EventMetadata { ProducingService = "scenario" })], cancellationToken);
    }

    /// <summary>The SubmitRatings bodies the tool sends, in order, <paramref name="size"/> ratings each.</summary>
    public IReadOnlyList<byte[]> Batches(int size) =>
        Ratings.Chunk(size).Select((chunk, i) => SubmitRatingsJson.Write(ToolId, $"scenario-{i}", Dataset.DatasetId, chunk)).ToList();
}
