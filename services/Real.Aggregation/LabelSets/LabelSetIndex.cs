using System.Globalization;
using Real.Contracts;
using Real.Contracts.Events.Aggregation;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Aggregation.LabelSets;

/// <summary>
/// The label-set id allocator, kept as events in <c>labelsetindex-all</c>: ids 1, 2, 3, ... in order, each tied to
/// the run that got it. Allocation appends with the expected revision, so two runs never get the same id; a
/// repeated run finds the id it got before.
/// </summary>
public sealed class LabelSetIndex(IEventStore store, EventSerializer serializer, TimeProvider? clock = null)
{
    private const int MaxAttempts = 20;

    public async Task<IReadOnlyList<LabelSetAllocated>> ReadAsync(CancellationToken cancellationToken = default) =>
        (await ReadWithRevisionAsync(cancellationToken)).Entries;

    /// <summary>The id allocated to <paramref name="runId"/>, allocating one (the requested id, or the next number) if none was.</summary>
    public async Task<string> AllocateAsync(Guid runId, string datasetId, string rule, string? requestedId, CancellationToken cancellationToken = default)
    {
        var run = runId.ToString();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (entries, revision) = await ReadWithRevisionAsync(cancellationToken);
            if (entries.FirstOrDefault(e => e.RunId == run) is { } existing)
            {
                return existing.LabelSetId;
            }

            var id = requestedId ?? NextNumber(entries);
            if (requestedId is not null && entries.Any(e => e.LabelSetId == requestedId))
            {
                throw new ArgumentException($"Label set id '{requestedId}' is already taken (label sets are never overwritten); choose another or omit it.");
            }

            if (!IsValidId(id))
            {
                throw new ArgumentException($"Label set id '{id}' may only hold letters, digits, '.', '_' and '-', and must not be 'latest'.");
            }

            var allocated = new LabelSetAllocated(id, run, datasetId, rule, (clock ?? TimeProvider.System).GetUtcNow());
            var data = serializer.ToEventData(DeterministicGuid.Create($"labelset-allocated:{runId:N}"), allocated, new EventMetadata { SourceMessageId = run, ProducingService = "aggregation" });
            try
            {
                await store.AppendToStreamAsync(
                    StreamNames.LabelSetIndex,
                    revision is null ? ExpectedRevision.NoStream : ExpectedRevision.Exact(revision.Value),
                    [data],
                    cancellationToken);
                return id;
            }
            catch (WrongExpectedVersionException)
            {
                // Another run allocated meanwhile: read again and take the next number.
            }
        }

        throw new InvalidOperationException($"Could not allocate a label-set id after {MaxAttempts} attempts: too many concurrent runs.");
    }

    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64
        && !id.StartsWith("latest", StringComparison.OrdinalIgnoreCase)
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static string NextNumber(IReadOnlyList<LabelSetAllocated> entries)
    {
        var max = 0L;
        foreach (var entry in entries)
        {
            if (long.TryParse(entry.LabelSetId, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                max = Math.Max(max, n);
            }
        }

        return (max + 1).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<(IReadOnlyList<LabelSetAllocated> Entries, long? Revision)> ReadWithRevisionAsync(CancellationToken cancellationToken)
    {
        var entries = new List<LabelSetAllocated>();
        long? revision = null;
        await foreach (var recorded in store.ReadStreamAsync(StreamNames.LabelSetIndex, Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            revision = recorded.Revision;
            if (serializer.TryDeserialize(recorded) is LabelSetAllocated allocated)
            {
                entries.Add(allocated);
            }
        }

        return (entries, revision);
    }
}
