using System.Security.Cryptography;

namespace Real.EventStore.Integrity;

/// <summary>
/// Walks $all from the first event, recomputes every hash with <see cref="EventHash"/> and stops at the first
/// position whose event was altered, removed or reordered. Works over any <see cref="IEventReader"/>, streaming, so
/// memory stays flat whatever the size of the log.
/// </summary>
public sealed class ChainVerifier(IEventReader reader)
{
    /// <summary>Called every <see cref="ProgressInterval"/> events with the last verified position (for progress bars).</summary>
    public Action<long>? Progress { get; init; }

    public int ProgressInterval { get; init; } = 100_000;

    /// <param name="expectedHeadHash">
    /// A head hash recorded earlier (e.g. printed by a previous verify): when given, the chain up to that point must end
    /// in it, which catches an editor who recomputed every hash after a change.
    /// </param>
    /// <param name="expectedHeadPosition">The position at which <paramref name="expectedHeadHash"/> was recorded.</param>
    public async Task<ChainVerification> VerifyAsync(ReadOnlyMemory<byte>? expectedHeadHash = null, long? expectedHeadPosition = null, CancellationToken cancellationToken = default)
    {
        var previousHash = EventHash.Genesis.ToArray();
        var computed = new byte[EventHash.Size];
        long expectedPosition = 1;
        long count = 0;
        await foreach (var e in reader.ReadAllAsync(0, long.MaxValue, cancellationToken))
        {
            if (e.GlobalPosition != expectedPosition)
            {
                var violation = e.GlobalPosition > expectedPosition
                    ? new ChainViolation(expectedPosition, ChainViolationKind.Removed, $"position {expectedPosition} is missing: the log jumps from {expectedPosition - 1} to {e.GlobalPosition}")
                    : new ChainViolation(e.GlobalPosition, ChainViolationKind.Reordered, $"position {e.GlobalPosition} comes after {expectedPosition - 1}");
                return new ChainVerification(count, expectedPosition - 1, previousHash, violation);
            }

            EventHash.Compute(previousHash, e.Stream, e.Revision, e.GlobalPosition, e.EventId, e.EventType, Timestamps.ToMicroseconds(e.Created), e.Data.Span, MetadataBytes(e), computed);
            if (!CryptographicOperations.FixedTimeEquals(computed, e.Hash.Span))
            {
                return new ChainVerification(count, expectedPosition - 1, previousHash, Diagnose(e, previousHash));
            }

            (previousHash, computed) = (computed, previousHash);
            count++;
            expectedPosition++;
            if (Progress is not null && count % ProgressInterval == 0)
            {
                Progress(e.GlobalPosition);
            }
        }

        var lastPosition = expectedPosition - 1;
        var head = await reader.GetHeadPositionAsync(cancellationToken);
        if (head > lastPosition)
        {
            return new ChainVerification(count, lastPosition, previousHash, new ChainViolation(
                lastPosition + 1,
                ChainViolationKind.Removed,
                $"the log head is at position {head} but the log ends at {lastPosition}: events {lastPosition + 1}..{head} are missing"));
        }

        if (expectedHeadHash is { } expectedHash)
        {
            var at = expectedHeadPosition ?? lastPosition;
            if (at != lastPosition)
            {
                // The caller recorded a hash at an earlier head: verify against that point with a second, bounded walk.
                return await VerifyPrefixAsync(count, lastPosition, previousHash, expectedHash, at, cancellationToken);
            }

            if (!expectedHash.Span.SequenceEqual(previousHash))
            {
                return new ChainVerification(count, lastPosition, previousHash, new ChainViolation(
                    lastPosition, ChainViolationKind.HeadMismatch, $"the head hash at position {lastPosition} is {Convert.ToHexStringLower(previousHash)}, not the expected {Convert.ToHexStringLower(expectedHash.Span)}"));
            }
        }

        return new ChainVerification(count, lastPosition, previousHash, null);
    }

    private async Task<ChainVerification> VerifyPrefixAsync(long count, long lastPosition, byte[] headHash, ReadOnlyMemory<byte> expectedHash, long at, CancellationToken cancellationToken)
    {
        if (at > lastPosition || at < 1)
        {
            return new ChainVerification(count, lastPosition, headHash, new ChainViolation(
                Math.Min(at, lastPosition + 1), ChainViolationKind.Removed, $"the expected head position {at} is not in the log (it ends at {lastPosition})"));
        }

        await foreach (var e in reader.ReadAllAsync(at - 1, 1, cancellationToken))
        {
            if (!expectedHash.Span.SequenceEqual(e.Hash.Span))
            {
                return new ChainVerification(count, lastPosition, headHash, new ChainViolation(
                    at, ChainViolationKind.HeadMismatch, $"the hash at position {at} is {Convert.ToHexStringLower(e.Hash.Span)}, not the expected {Convert.ToHexStringLower(expectedHash.Span)}"));
            }
        }

        return new ChainVerification(count, lastPosition, headHash, null);
    }

    /// <summary>Names the event whose recomputed hash differs: edited in place, or another event's content moved here.</summary>
    private static ChainViolation Diagnose(RecordedEvent e, byte[] previousHash)
    {
        var stored = Convert.ToHexStringLower(e.Hash.Span);
        return new ChainViolation(
            e.GlobalPosition,
            ChainViolationKind.Altered,
            $"event {e.EventId} ({e.EventType}, stream '{e.Stream}' revision {e.Revision}) does not match its stored hash {stored[..16]}…: " +
            $"its content, position or predecessor (hash {Convert.ToHexStringLower(previousHash)[..16]}…) changed after it was appended");
    }

    private static ReadOnlySpan<byte> MetadataBytes(RecordedEvent e) =>
        e.StoredMetadata.IsEmpty ? Storage.EventMetadataCodec.Encode(e.Metadata) : e.StoredMetadata.Span;
}
