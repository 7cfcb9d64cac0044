using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Real.EventStore;

namespace Real.Reporting.Tests.Support;

/// <summary>
/// A small in-memory <see cref="IEventStore"/> for unit tests of reporting logic: same append semantics as the real
/// backends (expected revision, idempotent repeats, atomic batches) and a SHA-256 hash chain over the log.
/// </summary>
internal sealed class InMemoryEventStore : IEventStore
{
    private readonly List<RecordedEvent> _log = [];
    private readonly Dictionary<string, long> _checkpoints = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public string Backend => "memory";

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<AppendResult> AppendToStreamAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var existing = _log.Where(e => e.Stream == stream).ToList();
            var fresh = new List<EventData>();
            foreach (var e in events)
            {
                var same = _log.FirstOrDefault(r => r.EventId == e.EventId);
                if (same is null)
                {
                    fresh.Add(e);
                }
                else if (same.Stream != stream || same.EventType != e.EventType || !same.Data.Span.SequenceEqual(e.Data.Span))
                {
                    throw new DuplicateEventIdException(e.EventId, stream, "different content");
                }
            }

            long? actual = existing.Count == 0 ? null : existing[^1].Revision;
            if (fresh.Count == 0)
            {
                return Task.FromResult(new AppendResult(actual ?? -1, existing.Count == 0 ? 0 : existing[^1].GlobalPosition, 0));
            }

            if (!expected.IsSatisfiedBy(actual))
            {
                throw new WrongExpectedVersionException(stream, expected, actual);
            }

            var revision = actual ?? -1;
            foreach (var e in fresh)
            {
                revision++;
                var position = _log.Count + 1L;
                var previous = _log.Count == 0 ? new byte[32] : _log[^1].Hash.ToArray();
                var hash = SHA256.HashData([.. previous, .. Encoding.UTF8.GetBytes($"{position}|{stream}|{revision}|{e.EventType}|"), .. e.Data.Span]);
                _log.Add(new RecordedEvent(e.EventId, e.EventType, e.Data, e.Metadata, DateTimeOffset.UtcNow, stream, revision, position, hash));
            }

            return Task.FromResult(new AppendResult(revision, _log[^1].GlobalPosition, fresh.Count));
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, long maxCount = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var events = Snapshot().Where(e => e.Stream == stream);
        events = direction == Direction.Forwards
            ? events.Where(e => e.Revision >= fromRevision)
            : events.Where(e => e.Revision <= fromRevision).Reverse();
        foreach (var e in events.Take((int)Math.Min(maxCount, int.MaxValue)))
        {
            await Task.Yield();
            yield return e;
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, long maxCount = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var e in Snapshot().Where(e => e.GlobalPosition > afterPosition).Take((int)Math.Min(maxCount, int.MaxValue)))
        {
            await Task.Yield();
            yield return e;
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadCategoryAsync(string category, long afterPosition = 0, long maxCount = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var e in Snapshot().Where(e => e.GlobalPosition > afterPosition && StreamName.Category(e.Stream) == category).Take((int)Math.Min(maxCount, int.MaxValue)))
        {
            await Task.Yield();
            yield return e;
        }
    }

    public Task<long?> GetStreamRevisionAsync(string stream, CancellationToken cancellationToken = default) =>
        Task.FromResult(Snapshot().LastOrDefault(e => e.Stream == stream)?.Revision);

    public Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Snapshot().LastOrDefault()?.GlobalPosition ?? 0);

    public Task<long?> LoadCheckpointAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_checkpoints.TryGetValue(subscriptionId, out var p) ? p : (long?)null);
        }
    }

    public Task StoreCheckpointAsync(string subscriptionId, long position, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _checkpoints[subscriptionId] = position;
        }

        return Task.CompletedTask;
    }

    private List<RecordedEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _log];
        }
    }
}
