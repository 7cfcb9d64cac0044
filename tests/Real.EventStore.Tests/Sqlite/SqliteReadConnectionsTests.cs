using Microsoft.Data.Sqlite;
using Real.EventStore.Sqlite;
using Real.Testing;

namespace Real.EventStore.Tests.Sqlite;

/// <summary>
/// Page reads run on connections the store pools itself (SqliteReadConnections): a reader that stops early must give
/// its connection back, more readers than the pool keeps must each get their own, and a disposed store reads nothing.
/// </summary>
public sealed class SqliteReadConnectionsTests : IDisposable
{
    private readonly TempDirectory _directory = new("real-store-readers");

    [Fact]
    public async Task Many_concurrent_readers_early_stops_included_each_read_what_they_asked_for()
    {
        await using var store = new SqliteEventStore(_directory.File("events.db"), new SqliteEventStoreOptions { ReadPageSize = 7 });
        await store.AppendToStreamAsync("s-1", ExpectedRevision.Any, [.. Enumerable.Range(0, 50).Select(_ => new EventData(Guid.NewGuid(), "Something", "{}"u8.ToArray()))]);

        for (var round = 0; round < 3; round++)
        {
            var reads = Enumerable.Range(0, 40).Select(async reader =>
            {
                var positions = new List<long>();
                await foreach (var e in store.ReadAllAsync())
                {
                    positions.Add(e.GlobalPosition);
                    if (reader % 2 == 0 && positions.Count == 10)
                    {
                        break;
                    }
                }

                return (reader, positions);
            });

            foreach (var (reader, positions) in await Task.WhenAll(reads))
            {
                var expected = reader % 2 == 0 ? 10 : 50;
                Assert.Equal(Enumerable.Range(1, expected).Select(p => (long)p), positions);
            }
        }
    }

    [Fact]
    public async Task A_disposed_store_refuses_to_read()
    {
        var store = new SqliteEventStore(_directory.File("events.db"));
        await store.AppendToStreamAsync("s-1", ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "Something", "{}"u8.ToArray())]);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
        {
            await foreach (var _ in store.ReadAllAsync())
            {
            }
        });
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
