using System.Data.Common;
using System.Text;
using Real.EventStore.Integrity;

namespace Real.EventStore.Tests.Conformance;

/// <summary>
/// The behaviour every backend must have, written once. Each test gets a fresh, empty store (a subclass per
/// backend says how), so positions start at 1 and tests can name them. Subclasses use a tiny read page size so
/// every read also crosses page boundaries.
/// </summary>
public abstract partial class EventStoreConformance : IAsyncLifetime
{
    protected const int TestPageSize = 7;

    private readonly List<IEventStore> _opened = [];

    protected IEventStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await CreateStorageAsync();
        Store = await OpenStoreAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        await DeleteStorageAsync();
    }

    /// <summary>Makes the empty storage (file, schema) this test's stores open.</summary>
    protected abstract Task CreateStorageAsync();

    protected abstract Task DeleteStorageAsync();

    /// <summary>A new store instance over this test's storage: like a process (re)starting.</summary>
    protected abstract IEventStore NewStoreInstance();

    /// <summary>A plain ADO.NET connection to this test's storage, for editing rows behind the store's back.</summary>
    protected abstract Task<DbConnection> OpenRawConnectionAsync();

    /// <summary>SQL that removes the append-only triggers (what a determined editor would do first).</summary>
    protected abstract string DropAppendOnlyGuardSql { get; }

    /// <summary>SQL that replaces the stored metadata bytes of the event at @position with @metadata, wherever the backend keeps them.</summary>
    protected abstract string EditMetadataSql { get; }

    protected async Task<IEventStore> OpenStoreAsync()
    {
        var store = NewStoreInstance();
        _opened.Add(store);
        await store.InitializeAsync();
        return store;
    }

    protected static string NewStream(string category = "test") => $"{category}-{Guid.NewGuid():N}";

    protected static EventData NewEvent(string type = "Something", string? json = null, Guid? id = null, EventMetadata? metadata = null) =>
        new(id ?? Guid.NewGuid(), type, Encoding.UTF8.GetBytes(json ?? $"{{\"value\":\"{Guid.NewGuid():N}\"}}"), metadata ?? EventMetadata.Empty);

    protected static EventData[] NewEvents(int count, string type = "Something") =>
        [.. Enumerable.Range(0, count).Select(i => NewEvent(type, $"{{\"n\":{i}}}"))];

    protected async Task<List<RecordedEvent>> ReadStreamAsync(string stream, Direction direction = Direction.Forwards, long from = 0, long max = long.MaxValue) =>
        await Store.ReadStreamAsync(stream, direction, direction == Direction.Backwards && from == 0 ? long.MaxValue : from, max).ToListAsync();

    protected async Task<List<RecordedEvent>> ReadAllAsync(long after = 0, long max = long.MaxValue) =>
        await Store.ReadAllAsync(after, max).ToListAsync();

    protected Task<ChainVerification> VerifyAsync() => new ChainVerifier(Store).VerifyAsync();
}
