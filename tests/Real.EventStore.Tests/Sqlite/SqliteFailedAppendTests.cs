using Dapper;
using Microsoft.Data.Sqlite;
using Real.EventStore.Integrity;
using Real.EventStore.Sqlite;
using Real.Testing;

namespace Real.EventStore.Tests.Sqlite;

/// <summary>
/// The writer puts an append's ids into its id tiers on the hasher thread while it inserts, before the transaction
/// commits. An append that fails after that (here: when it moves the log head, the last step before the commit) must
/// leave no trace of those ids: the same append sent again is written in full, then found as a duplicate.
/// </summary>
public sealed class SqliteFailedAppendTests : IDisposable
{
    private readonly TempDirectory _directory = new("real-store-failed-append");

    [Theory]
    [InlineData(10, 65536)] // hashed and staged inline, nothing merged
    [InlineData(2000, 65536)] // hashed and staged on the hasher thread
    [InlineData(2000, 3)] // ... with the earlier ids merged into event_ids, so the retry looks in both tiers
    public async Task An_append_that_fails_before_its_commit_can_be_sent_again_and_is_then_written_once(int count, int recentIds)
    {
        var path = _directory.File("events.db");
        await using var store = new SqliteEventStore(path, new SqliteEventStoreOptions { RecentEventIdsBeforeMerge = recentIds });
        await store.AppendToStreamAsync("s-1", ExpectedRevision.Any, Events(5));
        await store.AppendToStreamAsync("s-1", ExpectedRevision.Any, Events(5));
        var events = Events(count);

        await using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await raw.ExecuteAsync("CREATE TRIGGER refuse_head BEFORE UPDATE ON log_head BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
        }

        var refused = await Assert.ThrowsAsync<SqliteException>(() => store.AppendToStreamAsync("s-1", ExpectedRevision.Any, events));
        Assert.Contains("refused by the test", refused.Message);
        Assert.Equal(10, await store.GetHeadPositionAsync());

        await using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await raw.ExecuteAsync("DROP TRIGGER refuse_head;");
        }

        Assert.Equal(count, (await store.AppendToStreamAsync("s-1", ExpectedRevision.Any, events)).AppendedCount);
        Assert.Equal(0, (await store.AppendToStreamAsync("s-1", ExpectedRevision.Any, events)).AppendedCount);
        Assert.Equal(10 + count, await store.GetHeadPositionAsync());
        var ids = new List<Guid>();
        await foreach (var recorded in store.ReadAllAsync(afterPosition: 10))
        {
            ids.Add(recorded.EventId);
        }

        Assert.Equal(events.Select(e => e.EventId), ids);
        Assert.True((await new ChainVerifier(store).VerifyAsync()).IsIntact);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static EventData[] Events(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new EventData(Guid.NewGuid(), "Something", System.Text.Encoding.UTF8.GetBytes($"{{\"i\":{i}}}")))];
}
