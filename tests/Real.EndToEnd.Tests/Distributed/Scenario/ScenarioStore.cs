using Microsoft.Extensions.DependencyInjection;
using Real.Contracts;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Hosting;
using Real.RatingIntake.Importing.RealVotes;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>Direct looks into a run's event store: the set-up both runs share, and the counts the checks need.</summary>
public sealed class ScenarioStore : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public ScenarioStore(RealSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRealEventStore(settings);
        _provider = services.BuildServiceProvider();
        Store = _provider.GetRequiredService<IEventStore>();
        Serializer = _provider.GetRequiredService<EventSerializer>();
    }

    public IEventStore Store { get; }

    public EventSerializer Serializer { get; }

    /// <summary>The ImageNet validation set's registration, as `real import real-votes` writes it first.</summary>
    public async Task RegisterImageNetAsync()
    {
        await Store.InitializeAsync();
        await ImageNetDatasetRegistration.EnsureAsync(Store, Serializer, ImageNetDatasetRegistration.Build(RealStudySubset.ImageNet), CancellationToken.None);
    }

    public async Task<long> StreamLengthAsync(string stream) => (await Store.GetStreamRevisionAsync(stream) ?? -1) + 1;

    /// <summary>The rating ids recorded for the tool (one RatingRecorded per rating, so duplicates show as repeats).</summary>
    public async Task<List<string>> RecordedRatingIdsAsync(string toolId)
    {
        var ids = new List<string>();
        await foreach (var e in Store.ReadStreamAsync(StreamNames.Ratings(toolId), Direction.Forwards, 0))
        {
            ids.Add(Serializer.Deserialize<Real.Contracts.Events.Intake.RatingRecorded>(e).RatingId);
        }

        return ids;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
