using Microsoft.Extensions.DependencyInjection;
using Real.EventStore.Serialization;
using Real.EventStore.Sqlite;
using Real.Hosting;
using Real.Testing;

namespace Real.EventStore.Tests.Hosting;

public sealed class AddRealEventStoreTests
{
    [Fact]
    public async Task The_container_gives_one_sqlite_store_under_every_interface_in_the_home_directory()
    {
        using var temp = new TempDirectory();
        var settings = new RealSettings { Home = temp.File("home/nested"), DataRoot = temp.Path };
        await using var provider = new ServiceCollection().AddRealEventStore(settings).BuildServiceProvider();

        var store = provider.GetRequiredService<IEventStore>();
        await provider.GetRequiredService<IEventWriter>().AppendToStreamAsync("hosting-1", ExpectedRevision.NoStream, [new EventData(Guid.NewGuid(), "T", "{}"u8.ToArray())]);

        Assert.IsType<SqliteEventStore>(store);
        Assert.Same(store, provider.GetRequiredService<IEventReader>());
        Assert.Same(store, provider.GetRequiredService<ICheckpointStore>());
        Assert.True(File.Exists(settings.SqlitePath));
        Assert.Equal(0, await store.GetStreamRevisionAsync("hosting-1"));
    }

    [Fact]
    public void The_serializer_knows_the_contract_event_types()
    {
        using var temp = new TempDirectory();
        using var provider = new ServiceCollection().AddRealEventStore(new RealSettings { Home = temp.Path, DataRoot = temp.Path }).BuildServiceProvider();

        var registry = provider.GetRequiredService<EventTypeRegistry>();

        Assert.True(registry.TryGetType("RatingRecorded", out var type));
        Assert.Equal("Real.Contracts.Events.Intake.RatingRecorded", type.FullName);
        Assert.Same(registry, provider.GetRequiredService<EventSerializer>().Registry);
    }

    [Fact]
    public void A_postgres_store_without_a_connection_string_is_refused_clearly()
    {
        var settings = new RealSettings { Home = ".", DataRoot = ".", StoreBackend = "postgres" };

        var error = Assert.Throws<ArgumentException>(() => EventStoreFactory.Create(settings));

        Assert.Contains("REAL_PG", error.Message, StringComparison.Ordinal);
    }
}
