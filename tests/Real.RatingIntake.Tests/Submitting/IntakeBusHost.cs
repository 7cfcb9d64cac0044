using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Hosting;
using Real.Hosting.Messaging;
using Real.Testing;

namespace Real.RatingIntake.Tests.Submitting;

/// <summary>
/// The intake's submit consumer hosted on a real bus (in-memory, or RabbitMQ at <c>rabbitMqUri</c>), wired exactly as
/// the service wires it (AddRealEventStore + AddRatingIntake + AddRealMessaging) over a fresh embedded SQLite store in
/// a temp directory: ratings go through the real validator and recorder and land as RatingRecorded events.
/// The store holds data set <see cref="Dataset"/> (1,000 classes, images <see cref="Image"/>(1..10)) with every
/// (image, label) registered as a question, so SubmissionJson's defaults are valid. On the in-memory bus, replies
/// are collected in <see cref="Replies"/>.
/// </summary>
public sealed class IntakeBusHost : IAsyncDisposable
{
    public const string Dataset = "imagenet-val";
    public const int ClassCount = 1000;
    public const int ImageCount = 10;

    private readonly TempDirectory _home;
    private readonly ServiceProvider _provider;
    private readonly IBusControl _bus;

    private IntakeBusHost(TempDirectory home, ServiceProvider provider)
    {
        _home = home;
        _provider = provider;
        _bus = provider.GetRequiredService<IBusControl>();
    }

    public ReplyInbox Replies => _provider.GetRequiredService<ReplyInbox>();

    public IBus Bus => _bus;

    public IEventStore Store => _provider.GetRequiredService<IEventStore>();

    public static string Image(int n) => $"ILSVRC2012_val_{n:D8}.JPEG";

    public static async Task<IntakeBusHost> StartAsync(Uri? rabbitMqUri = null)
    {
        var home = new TempDirectory("real-intake-bus");
        var settings = new RealSettings
        {
            Home = home.Path,
            DataRoot = home.Path,
            Transport = rabbitMqUri is null ? "inmemory" : "rabbitmq",
            RabbitMqUri = rabbitMqUri?.ToString(),
        };
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<ReplyInbox>();
        services.AddRealEventStore(settings);
        services.AddRatingIntake();
        services.AddRealMessaging(settings, bus =>
        {
            bus.AddRatingIntakeConsumers();
            if (rabbitMqUri is null)
            {
                bus.AddConsumer<ReplyCollector>();
            }
        });
        var host = new IntakeBusHost(home, services.BuildServiceProvider());
        await SeedAsync(host._provider);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host._bus.StartAsync(cts.Token);
        return host;
    }

    /// <summary>Sends a body exactly as given (any bytes) to the submit queue, as a trusted in-process sender.</summary>
    public async Task SendRawAsync(byte[] body)
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{ToolTopology.SubmitQueue}"));
        await endpoint.Send(new RawToolMessage(body), (SendContext<RawToolMessage> send) => ToolJsonSerializer.Use(send));
    }

    /// <summary>Issues a rating task (the RatingTaskIssued event the catalogue learns tasks from).</summary>
    public Task IssueTaskAsync(RatingTaskIssued task) => AppendAsync(StreamNames.Tasks(task.DatasetId), task);

    /// <summary>The RatingRecorded events of <paramref name="toolId"/>'s stream, in order.</summary>
    public Task<List<RatingRecorded>> RecordedAsync(string toolId = "acme") => RecordedAsync(_provider, toolId);

    public async Task<HashSet<string>> RecordedIdsAsync(string toolId = "acme") =>
        (await RecordedAsync(toolId)).Select(r => r.RatingId).ToHashSet(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    /// <summary>Registers <see cref="Dataset"/> and its questions in the store of <paramref name="services"/>.</summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IEventStore>();
        var serializer = services.GetRequiredService<EventSerializer>();
        var images = Enumerable.Range(1, ImageCount).Select(Image).ToList();
        var classes = Enumerable.Range(0, ClassCount).Select(c => $"class {c}").ToList();
        var questions = images.SelectMany(image => Enumerable.Range(0, ClassCount).Select(label => new QuestionRef(image, label))).ToList();
        await store.AppendToStreamAsync(StreamNames.Dataset(Dataset), ExpectedRevision.Any, [
            serializer.ToEventData(Guid.NewGuid(), new DatasetRegistered(Dataset, "ImageNet val (test)", classes, images, [.. images.Select(_ => 0)])),
            serializer.ToEventData(Guid.NewGuid(), new QuestionsRegistered(Dataset, "test", questions)),
        ]);
    }

    /// <summary>The RatingRecorded events of <paramref name="toolId"/>'s stream in the store of <paramref name="services"/>.</summary>
    public static async Task<List<RatingRecorded>> RecordedAsync(IServiceProvider services, string toolId)
    {
        var serializer = services.GetRequiredService<EventSerializer>();
        var recorded = new List<RatingRecorded>();
        await foreach (var e in services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamNames.Ratings(toolId), Direction.Forwards, 0))
        {
            recorded.Add(serializer.Deserialize<RatingRecorded>(e));
        }

        return recorded;
    }

    private async Task AppendAsync<T>(string stream, T @event)
        where T : notnull
    {
        var serializer = _provider.GetRequiredService<EventSerializer>();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [serializer.ToEventData(Guid.NewGuid(), @event)]);
    }
}
