using Real.Aggregation.Inputs;
using Real.Aggregation.Runs;
using Real.Aggregation.Tests.Simulation;
using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.EventStore.Sqlite;
using Real.Testing;

namespace Real.Aggregation.Tests.Fixtures;

/// <summary>
/// A fresh embedded (SQLite) event store in a temporary directory, with helpers to register a data set and append
/// simulated ratings the way intake records them.
/// </summary>
public sealed class StoreFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2020, 6, 12, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new("real-aggregation");

    public StoreFixture()
    {
        Store = new SqliteEventStore(_directory.File("events.db"));
        Serializer = new EventSerializer(new EventTypeRegistry().RegisterAssembly(typeof(StreamNames).Assembly));
    }

    public SqliteEventStore Store { get; }

    public EventSerializer Serializer { get; }

    public string Directory => _directory.Path;

    /// <summary>Classes below this are animals in every fixture data set.</summary>
    public int AnimalClasses { get; set; } = 40;

    public AggregationRunner Runner() => new(Store, Serializer, new FixedAnimalClasses(c => c < AnimalClasses));

    public async Task RegisterAsync(int[] originalLabels, int classes)
    {
        var registered = new DatasetRegistered(
            TestDatasets.DatasetId,
            "test images",
            Enumerable.Range(0, classes).Select(c => $"class {c}").ToArray(),
            originalLabels.Select((_, i) => TestDatasets.ImageFile(i)).ToArray(),
            originalLabels);
        await Store.AppendToStreamAsync(
            StreamNames.Dataset(TestDatasets.DatasetId),
            ExpectedRevision.NoStream,
            [Serializer.ToEventData(DeterministicGuid.Create("test-dataset"), registered)]);
    }

    /// <summary>Appends the campaign's votes as RatingRecorded events (answer time: epoch + question index seconds); returns the head position.</summary>
    public async Task<long> AppendCampaignAsync(SimulatedRatings campaign, Func<int, bool>? questions = null, RaterRole role = RaterRole.Crowd, string source = "sim")
    {
        var ratings = new List<RatingRecorded>();
        for (var q = 0; q < campaign.QuestionCount; q++)
        {
            if (questions is not null && !questions(q))
            {
                continue;
            }

            foreach (var vote in campaign.Votes.VotesOf(q))
            {
                ratings.Add(Rating($"{source}-{q}-{vote.Rater}", TestDatasets.RaterId(vote.Rater), campaign.QuestionImage[q], campaign.QuestionLabel[q], (RatingAnswer)vote.Answer, Epoch.AddSeconds(q), role));
            }
        }

        return await AppendRatingsAsync(ratings, source);
    }

    public async Task<long> AppendRatingsAsync(IReadOnlyList<RatingRecorded> ratings, string source = "sim")
    {
        var position = await Store.GetHeadPositionAsync();
        foreach (var chunk in ratings.Chunk(2000))
        {
            var result = await Store.AppendToStreamAsync(
                StreamNames.Ratings(source),
                ExpectedRevision.Any,
                chunk.Select(r => Serializer.ToEventData(DeterministicGuid.Create($"rating:{r.ToolId}:{r.RatingId}"), r)).ToArray());
            position = result.LastGlobalPosition;
        }

        return position;
    }

    public static RatingRecorded Rating(string ratingId, string raterId, int image, int label, RatingAnswer answer, DateTimeOffset answeredAt, RaterRole role = RaterRole.Crowd) =>
        new(ratingId, "sim", "batch-1", raterId, role, TestDatasets.DatasetId, TestDatasets.ImageFile(image), label, answer, answeredAt, TaskId: null);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
