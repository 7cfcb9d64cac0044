using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.EventStore.Sqlite;
using Real.RatingIntake.Catalog;
using Real.RatingIntake.Recording;
using Real.RatingIntake.Validation;
using Real.Testing;

namespace Real.RatingIntake.Tests.Support;

/// <summary>
/// A fresh embedded store in a temp directory holding a tiny data set "toy" (3 classes, images a.jpg..d.jpg), some
/// registered questions and one rating task, with the catalogue, validator and recorder wired to it.
/// </summary>
internal sealed class IntakeFixture : IAsyncDisposable
{
    public const string Dataset = "toy";
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new("real-intake");

    private IntakeFixture()
    {
        Store = new SqliteEventStore(_dir.File("events.db"));
        Registry = new EventTypeRegistry().RegisterAssembly(typeof(StreamNames).Assembly);
        Serializer = new EventSerializer(Registry);
        Catalog = new QuestionCatalog(Store, Serializer);
        Validator = new RatingValidator(Catalog, Clock);
        Recorder = new RatingRecorder(Store, Catalog, Validator, Registry);
    }

    public SqliteEventStore Store { get; }

    public EventTypeRegistry Registry { get; }

    public EventSerializer Serializer { get; }

    public FixedClock Clock { get; } = new(Now);

    public QuestionCatalog Catalog { get; }

    public RatingValidator Validator { get; }

    public RatingRecorder Recorder { get; }

    public string Directory => _dir.Path;

    /// <summary>A fixture over an empty store.</summary>
    public static Task<IntakeFixture> CreateEmptyAsync() => Task.FromResult(new IntakeFixture());

    /// <summary>Registers "toy": questions (a.jpg, 0), (a.jpg, 1), (b.jpg, 2); task "t1" on c.jpg with candidates 0 and 2.</summary>
    public static async Task<IntakeFixture> CreateAsync()
    {
        var fixture = new IntakeFixture();
        await fixture.AppendAsync(StreamNames.Dataset(Dataset), new DatasetRegistered(Dataset, "Toy", ["cat", "dog", "fox"], ["a.jpg", "b.jpg", "c.jpg", "d.jpg"], [0, 1, 2, 0]));
        await fixture.AppendAsync(StreamNames.Dataset(Dataset), new QuestionsRegistered(Dataset, "test", [new("a.jpg", 0), new("a.jpg", 1), new("b.jpg", 2)]));
        await fixture.AppendAsync(StreamNames.Tasks(Dataset), new RatingTaskIssued("t1", Dataset, "c.jpg", [0, 2], "Which labels fit?"));
        await fixture.Catalog.CatchUpAsync();
        return fixture;
    }

    public async Task AppendAsync<T>(string stream, T @event)
        where T : notnull =>
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [Serializer.ToEventData(Guid.NewGuid(), @event)]);

    public static IncomingRating Rating(string id, string? image = "a.jpg", int label = 0, string rater = "acme:r1", RatingAnswer answer = RatingAnswer.Yes, string? task = null, DateTimeOffset? at = null) =>
        new(id, task, image, label, rater, answer, at ?? Now.AddMinutes(-1));

    public static RatingBatch Batch(params IncomingRating[] ratings) => Batch("b1", ratings);

    public static RatingBatch Batch(string batchId, params IncomingRating[] ratings) =>
        new(SubmittingTool.For("acme"), batchId, Dataset, ratings);

    public async Task<List<RatingRecorded>> RatingsAsync(string toolId = "acme")
    {
        var list = new List<RatingRecorded>();
        await foreach (var e in Store.ReadStreamAsync(StreamNames.Ratings(toolId), Direction.Forwards, 0))
        {
            list.Add(Serializer.Deserialize<RatingRecorded>(e));
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Catalog.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
