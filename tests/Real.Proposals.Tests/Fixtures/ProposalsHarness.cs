using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Data.ImageNet;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Hosting;
using Real.Proposals.Generating.Inference;
using Real.Proposals.Pooling;
using Real.Proposals.Tests.Fakes;
using Real.Testing;

namespace Real.Proposals.Tests.Fixtures;

/// <summary>
/// The proposals service as the CLI composes it (AddRealEventStore + AddProposals) on a fresh embedded SQLite store in
/// a temporary home, with tasks captured instead of published, CUDA-fallback logs captured, and the small data set
/// "tiny-val": ImageNet's 1000 classes and the 8 generated images with their real validation labels.
/// </summary>
public sealed class ProposalsHarness : IAsyncDisposable
{
    private readonly TempDirectory _home = new("real-proposals");
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    public ProposalsHarness()
    {
        Settings = RealSettingsResolver.Resolve(home: _home.Path, storeBackend: "sqlite", dataRoot: RepositoryRoot.DataRoot);
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory, LoggerFactory>();
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<ILogger<ExecutionProviderSelector>>(SelectorLog);
        services.AddRealEventStore(Settings);
        services.AddSingleton<ITaskPublisher>(Tasks);
        services.AddProposals();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _scope = _services.CreateAsyncScope();
    }

    public RealSettings Settings { get; }

    public string Home => _home.Path;

    public RecordingTaskPublisher Tasks { get; } = new();

    public RecordingLogger<ExecutionProviderSelector> SelectorLog { get; } = new();

    public IEventStore Store => Get<IEventStore>();

    public EventSerializer Serializer => Get<EventSerializer>();

    public static IReadOnlyList<int> ValidationLabels(int count) =>
        [.. File.ReadLines(Path.Combine(RepositoryRoot.DataRoot, "imagenet", "val_labels.txt")).Take(count).Select(int.Parse)];

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Registers "tiny-val" (or the given images) as a DatasetRegistered event, as intake would.</summary>
    public async Task<DatasetRegistered> RegisterDatasetAsync(string datasetId = TestModels.DatasetId, IReadOnlyList<string>? images = null, IReadOnlyList<int>? labels = null)
    {
        await Store.InitializeAsync();
        var names = File.ReadLines(Path.Combine(RepositoryRoot.DataRoot, "imagenet", "class_names.txt")).ToArray();
        images ??= GeneratedFixtures.ImageNames;
        labels ??= ValidationLabels(images.Count);
        var registered = new DatasetRegistered(datasetId, datasetId, names, images, labels);
        await Store.AppendToStreamAsync(
            StreamNames.Dataset(datasetId),
            ExpectedRevision.Any,
            [Serializer.ToEventData(DeterministicGuid.Create($"test-dataset/{datasetId}"), registered)]);
        return registered;
    }

    /// <summary>Every event of a stream, deserialized.</summary>
    public async Task<IReadOnlyList<object>> ReadStreamAsync(string stream)
    {
        var events = new List<object>();
        await foreach (var recorded in Store.ReadStreamAsync(stream, Direction.Forwards, 0))
        {
            events.Add(Serializer.TryDeserialize(recorded) ?? throw new InvalidDataException($"unknown event type {recorded.EventType}"));
        }

        return events;
    }

    public async Task<long> HeadAsync() => await Store.GetHeadPositionAsync();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        _home.Dispose();
    }
}
