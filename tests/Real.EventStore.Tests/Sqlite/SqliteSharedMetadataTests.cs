using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Real.EventStore.Integrity;
using Real.EventStore.Sqlite;
using Real.EventStore.Storage;
using Real.Testing;

namespace Real.EventStore.Tests.Sqlite;

/// <summary>
/// Scripts/003: a run of events of one append that share one metadata object stores its bytes once, in
/// event_metadata; an event alone, and every event written before the script, keeps them inline. Reads and `verify`
/// must see the same metadata bytes either way.
/// </summary>
public sealed class SqliteSharedMetadataTests : IDisposable
{
    private readonly TempDirectory _directory = new("real-store-metadata");

    private string DatabasePath => _directory.File("events.db");

    [Fact]
    public async Task A_batch_sharing_one_metadata_object_stores_it_once()
    {
        var metadata = new EventMetadata { CausationId = "raters.npz", ProducingService = "rating-intake" };
        await using var store = NewStore();

        await store.AppendToStreamAsync("ratings-1", ExpectedRevision.Any, Events(1000, _ => metadata));

        using var connection = Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM event_metadata"));
        Assert.Equal(EventMetadataCodec.Encode(metadata), connection.ExecuteScalar<byte[]>("SELECT metadata FROM event_metadata"));
        Assert.Equal(1000, connection.ExecuteScalar<long>("SELECT count(*) FROM events WHERE metadata_id = 1 AND length(metadata) = 0"));
        var read = await store.ReadAllAsync().ToListAsync();
        Assert.All(read, e => Assert.Equal(metadata, e.Metadata));
        Assert.True((await new ChainVerifier(store).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Only_runs_of_two_or_more_are_stored_apart_and_every_event_reads_its_own_metadata()
    {
        // Runs: a a | b | c c c | a — the last a is its own object's second run, alone, so it stays inline.
        var (a, b, c) = (Metadata("a"), Metadata("b"), Metadata("c"));
        EventMetadata[] pattern = [a, a, b, c, c, c, a];
        await using var store = NewStore(readPageSize: 2);

        await store.AppendToStreamAsync("runs-1", ExpectedRevision.Any, Events(pattern.Length, i => pattern[i]));
        await store.AppendToStreamAsync("runs-1", ExpectedRevision.Any, Events(1, _ => c));

        using var connection = Open();
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count(*) FROM event_metadata"));
        Assert.Equal(
            new long?[] { 1, 1, null, 2, 2, 2, null, null },
            connection.Query<long?>("SELECT metadata_id FROM events ORDER BY position").ToArray());
        EventMetadata[] expected = [.. pattern, c];
        var read = await store.ReadAllAsync().ToListAsync();
        Assert.Equal(expected, read.Select(e => e.Metadata).ToArray());
        Assert.Equal(expected, (await store.ReadStreamAsync("runs-1", Direction.Backwards, long.MaxValue).ToListAsync()).Select(e => e.Metadata).Reverse().ToArray());
        Assert.True((await new ChainVerifier(store).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task An_event_referring_to_a_missing_metadata_row_fails_the_read_naming_its_position()
    {
        var shared = Metadata("x");
        await using var store = NewStore();
        await store.AppendToStreamAsync("s-1", ExpectedRevision.Any, Events(3, _ => shared));
        using (var connection = Open())
        {
            connection.Execute("DROP TRIGGER event_metadata_no_delete; DELETE FROM event_metadata");
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.ReadAllAsync().ToListAsync());

        Assert.Contains("position 1 refers to metadata row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_written_before_the_script_keep_their_inline_metadata_after_the_upgrade()
    {
        var old = new EventData(Guid.NewGuid(), "Something", "{\"a\":1}"u8.ToArray());
        using (var connection = Open())
        {
            // What version 2 of the schema holds: scripts 001 and 002, and an event appended by that version.
            var scripts = SchemaScript.For("Sqlite");
            connection.Execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_us INTEGER NOT NULL)");
            foreach (var script in scripts.Where(s => s.Version <= 2))
            {
                connection.Execute(script.Sql);
                connection.Execute("INSERT INTO schema_migrations VALUES (@Version, @Name, 0)", new { script.Version, script.Name });
            }

            connection.Execute(
                "INSERT INTO events VALUES (1, 'old-1', 0, 'old', @id, 'Something', @data, @metadata, 0, zeroblob(32))",
                new { id = old.EventId.ToByteArray(bigEndian: true), data = old.Data.ToArray(), metadata = Encoding.UTF8.GetBytes("{\"causationId\":\"v2\"}") });
            connection.Execute("UPDATE log_head SET position = 1");
        }

        await using var store = NewStore();
        var v3 = Metadata("v3");
        await store.AppendToStreamAsync("new-1", ExpectedRevision.Any, Events(2, _ => v3));

        var read = await store.ReadAllAsync().ToListAsync();
        Assert.Equal(new[] { "v2", "v3", "v3" }, read.Select(e => e.Metadata.CausationId).ToArray());
        Assert.Equal("{\"causationId\":\"v2\"}", Encoding.UTF8.GetString(read[0].StoredMetadata.Span));
        using var check = Open();
        Assert.Equal(new long?[] { null, 1, 1 }, check.Query<long?>("SELECT metadata_id FROM events ORDER BY position").ToArray());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static EventMetadata Metadata(string causation) => new() { CausationId = causation, ProducingService = "test" };

    private static EventData[] Events(int count, Func<int, EventMetadata> metadataOf) =>
        [.. Enumerable.Range(0, count).Select(i => new EventData(Guid.NewGuid(), "Something", Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"), metadataOf(i)))];

    private SqliteEventStore NewStore(int readPageSize = 500) => new(DatabasePath, new SqliteEventStoreOptions { ReadPageSize = readPageSize });

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}
