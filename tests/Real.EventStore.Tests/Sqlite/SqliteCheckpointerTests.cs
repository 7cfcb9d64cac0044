using Microsoft.Data.Sqlite;
using Real.EventStore.Integrity;
using Real.EventStore.Sqlite;
using Real.Testing;

namespace Real.EventStore.Tests.Sqlite;

/// <summary>
/// Checkpoints run on the store's own thread (SqliteCheckpointer) instead of inside appends. Under a steady stream of
/// appends the WAL must still start over, so its file stays bounded; nothing appended may be lost on the way, and a
/// store reopened afterwards reads the same chain.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    // 4 KiB pages and a 64 KiB threshold (16 pages): 600 small appends cross it many times over.
    private const int PageSize = 4096;
    private const long Threshold = 64 << 10;

    private readonly TempDirectory _directory = new("real-store-checkpointer");

    [Fact]
    public async Task Steady_appends_keep_the_WAL_bounded_and_lose_nothing()
    {
        var path = _directory.File("events.db");
        var options = new SqliteEventStoreOptions { PageSize = PageSize, WalBytesBeforeCheckpoint = Threshold, RecentEventIdsBeforeMerge = 500 };
        long largestWal = 0;
        const int Appends = 600;
        const int PerAppend = 10;
        await using (var store = new SqliteEventStore(path, options))
        {
            for (var a = 0; a < Appends; a++)
            {
                var events = Enumerable.Range(0, PerAppend)
                    .Select(i => new EventData(Guid.NewGuid(), "Rated", System.Text.Encoding.UTF8.GetBytes($"{{\"append\":{a},\"i\":{i},\"pad\":\"{new string('x', 300)}\"}}")))
                    .ToArray();
                await store.AppendToStreamAsync($"ratings-{a % 7}", ExpectedRevision.Any, events);
                largestWal = Math.Max(largestWal, new FileInfo(path + "-wal").Length);
            }

            var checkpointer = store.Checkpointer!;
            Assert.Null(checkpointer.LastError);
            Assert.True(checkpointer.Completed > 0, "the checkpointer thread never ran a checkpoint");
            Assert.True(checkpointer.Inline > 0, "the WAL never started over: no remainder was copied inline");
            Assert.True(new FileInfo(path).Length > 2L * (1 << 20), "the database file did not grow: the WAL was never copied into it");

            // ~6 MB of WAL were written in all; without checkpoints the file would hold all of it. The WAL must have
            // started over again and again. Its largest size depends on scheduling (the writer's inline copy is busy
            // while a checkpoint of the thread still runs), hence a loose bound: well under what was written.
            Assert.True(checkpointer.Restarts >= 3, $"the WAL started over {checkpointer.Restarts} times");
            const long Bound = 4L << 20;
            Assert.True(largestWal <= Bound, $"the WAL file reached {largestWal} bytes, over {Bound}");

            var verification = await new ChainVerifier(store).VerifyAsync();
            Assert.True(verification.IsIntact, verification.Violation?.ToString());
            Assert.Equal(Appends * PerAppend, verification.EventsChecked);
        }

        SqliteConnection.ClearAllPools();
        await using var reopened = new SqliteEventStore(path, options);
        var positions = new List<long>();
        await foreach (var e in reopened.ReadAllAsync())
        {
            positions.Add(e.GlobalPosition);
        }

        Assert.Equal(Enumerable.Range(1, Appends * PerAppend).Select(p => (long)p), positions);
        Assert.True((await new ChainVerifier(reopened).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task With_the_thread_held_the_writers_fallback_alone_bounds_the_WAL_exactly()
    {
        // The thread never checkpoints here, so nothing depends on scheduling: once the WAL is FallbackFactor
        // thresholds long, the writer must copy it all after its next commit and the append after that must start it
        // over. The file can then never exceed the fallback length plus one append's pages.
        var path = _directory.File("fallback.db");
        var options = new SqliteEventStoreOptions { PageSize = PageSize, WalBytesBeforeCheckpoint = Threshold };
        await using var store = new SqliteEventStore(path, options);
        await store.InitializeAsync();
        var checkpointer = store.Checkpointer!;
        checkpointer.Pause();
        long largestWal = 0;
        const int Appends = 1200;
        for (var a = 0; a < Appends; a++)
        {
            var events = Enumerable.Range(0, 4)
                .Select(i => new EventData(Guid.NewGuid(), "Rated", System.Text.Encoding.UTF8.GetBytes($"{{\"append\":{a},\"i\":{i},\"pad\":\"{new string('z', 300)}\"}}")))
                .ToArray();
            await store.AppendToStreamAsync($"ratings-{a % 5}", ExpectedRevision.Any, events);
            largestWal = Math.Max(largestWal, new FileInfo(path + "-wal").Length);
        }

        Assert.Equal(0, checkpointer.Completed);
        Assert.True(checkpointer.Restarts >= 3, $"the WAL started over {checkpointer.Restarts} times");
        Assert.True(checkpointer.Inline >= checkpointer.Restarts, $"{checkpointer.Inline} inline copies for {checkpointer.Restarts} restarts");

        // A WAL frame is a page and a 24-byte header, after a 32-byte file header; one append of 4 small events
        // commits well under 16 pages (its rows, three index leaves, the head row and a few interior pages).
        const long FramesAtMost = (SqliteCheckpointer.FallbackFactor * Threshold / PageSize) + 16;
        const long Bound = 32 + (FramesAtMost * (PageSize + 24));
        Assert.True(largestWal <= Bound, $"the WAL file reached {largestWal} bytes, over {Bound}");
        Assert.True(largestWal > Bound / 2, $"the WAL file only reached {largestWal} bytes: the fallback was not what bounded it");

        checkpointer.Resume();
        var verification = await new ChainVerifier(store).VerifyAsync();
        Assert.True(verification.IsIntact, verification.Violation?.ToString());
        Assert.Equal(Appends * 4, verification.EventsChecked);
    }

    [Fact]
    public async Task The_bundled_SQLite_has_the_WAL_hook_so_every_store_gets_a_checkpointer()
    {
        // Without the hook a store falls back to SQLite's auto-checkpoint: correct but slower. Our bundle has it, so a
        // fallback here would be a silent loss of the fast path.
        Assert.True(SqliteCheckpointer.IsSupported, "sqlite3_wal_hook was not found in the library SQLitePCL loaded");
        await using var store = new SqliteEventStore(_directory.File("hooked.db"));
        await store.InitializeAsync();
        Assert.NotNull(store.Checkpointer);
        Assert.True(store.Checkpointer.IsRunning);
    }

    [Fact]
    public async Task Disposing_the_store_stops_the_thread_and_leaves_no_WAL_behind()
    {
        var path = _directory.File("events.db");
        var store = new SqliteEventStore(path, new SqliteEventStoreOptions { PageSize = PageSize, WalBytesBeforeCheckpoint = Threshold });
        for (var a = 0; a < 100; a++)
        {
            await store.AppendToStreamAsync("s-1", ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "Rated", System.Text.Encoding.UTF8.GetBytes($"{{\"pad\":\"{new string('y', 2000)}\"}}"))]);
        }

        var checkpointer = store.Checkpointer!;
        Assert.True(checkpointer.IsRunning);
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();

        Assert.False(checkpointer.IsRunning, "the checkpointer thread outlived its store");

        // The last connection to close copies the WAL and deletes it: the checkpointer's connection closed first.
        Assert.False(File.Exists(path + "-wal"), "the WAL file is still there after the store closed");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
