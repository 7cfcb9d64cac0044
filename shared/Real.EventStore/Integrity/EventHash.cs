using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Real.EventStore.Storage;

namespace Real.EventStore.Integrity;

/// <summary>
/// The hash chain over the global log, defined once and used by every backend and by <see cref="ChainVerifier"/>.
/// <para>
/// hash(n) = SHA-256(hash(n-1) || canonical(n)), with hash(0) = 32 zero bytes (<see cref="Genesis"/>).
/// canonical(n) is, in this order (integers big-endian, strings UTF-8 without BOM):
/// </para>
/// <list type="number">
/// <item>1 byte format version (<see cref="FormatVersion"/> = 1);</item>
/// <item>u32 byte length + bytes of the stream name;</item>
/// <item>i64 revision in the stream;</item>
/// <item>i64 global position;</item>
/// <item>16 bytes event id in RFC 9562 (big-endian) byte order;</item>
/// <item>u32 byte length + bytes of the event type name;</item>
/// <item>i64 created timestamp, microseconds since 1970-01-01T00:00:00Z;</item>
/// <item>u32 byte length + the data bytes exactly as stored;</item>
/// <item>u32 byte length + the metadata bytes exactly as stored.</item>
/// </list>
/// Length prefixes make the encoding injective: no two different events have the same canonical bytes.
/// </summary>
public static class EventHash
{
    public const int Size = 32;

    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    public const byte FormatVersion = 1;

    /// <summary>The hash before the first event: 32 zero bytes.</summary>
    public static ReadOnlyMemory<byte> Genesis { get; } = new byte[Size];

    /// <summary>Bytes of canonical(n) for these fields.</summary>
    public static int CanonicalLength(string stream, string eventType, int dataLength, int metadataLength) =>
        1 + 4 + Encoding.UTF8.GetByteCount(stream) + 8 + 8 + 16 + 4 + Encoding.UTF8.GetByteCount(eventType) + 8 + 4 + dataLength + 4 + metadataLength;

    /// <summary>Writes canonical(n) into <paramref name="destination"/> and returns the number of bytes written.</summary>
    public static int WriteCanonical(
        Span<byte> destination,
        string stream,
        long revision,
        long position,
        Guid eventId,
        string eventType,
        long createdMicroseconds,
        ReadOnlySpan<byte> data,
        ReadOnlySpan<byte> metadata)
    {
        var offset = 0;
        destination[offset++] = FormatVersion;
        offset += WriteString(destination[offset..], stream);
        BinaryPrimitives.WriteInt64BigEndian(destination[offset..], revision);
        offset += 8;
        BinaryPrimitives.WriteInt64BigEndian(destination[offset..], position);
        offset += 8;
        if (!eventId.TryWriteBytes(destination.Slice(offset, 16), bigEndian: true, out _))
        {
            throw new InvalidOperationException("Could not write the event id.");
        }

        offset += 16;
        offset += WriteString(destination[offset..], eventType);
        BinaryPrimitives.WriteInt64BigEndian(destination[offset..], createdMicroseconds);
        offset += 8;
        offset += WriteBytes(destination[offset..], data);
        offset += WriteBytes(destination[offset..], metadata);
        return offset;
    }

    /// <summary>Computes hash(n) from hash(n-1) and the event's fields into <paramref name="hash"/> (32 bytes).</summary>
    public static void Compute(
        ReadOnlySpan<byte> previousHash,
        string stream,
        long revision,
        long position,
        Guid eventId,
        string eventType,
        long createdMicroseconds,
        ReadOnlySpan<byte> data,
        ReadOnlySpan<byte> metadata,
        Span<byte> hash)
    {
        if (previousHash.Length != Size)
        {
            throw new ArgumentException($"A previous hash has {Size} bytes, not {previousHash.Length}.", nameof(previousHash));
        }

        // Checked before anything reaches the thread's reused SHA-256 context: a throw between appending and
        // finishing would leave bytes in it for the next event's hash.
        if (hash.Length < Size)
        {
            throw new ArgumentException($"A hash needs {Size} bytes, not {hash.Length}.", nameof(hash));
        }

        var length = Size + CanonicalLength(stream, eventType, data.Length, metadata.Length);
        var rented = length <= 1024 ? null : ArrayPool<byte>.Shared.Rent(length);
        var buffer = rented is null ? stackalloc byte[1024] : rented.AsSpan();
        try
        {
            previousHash.CopyTo(buffer);
            var written = Size + WriteCanonical(buffer[Size..], stream, revision, position, eventId, eventType, createdMicroseconds, data, metadata);
            var sha = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(buffer[..written]);
            sha.GetHashAndReset(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>hash(n) of a recorded event, from hash(n-1), using the bytes exactly as the store returned them.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> previousHash, RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var hash = new byte[Size];
        Compute(
            previousHash,
            recorded.Stream,
            recorded.Revision,
            recorded.GlobalPosition,
            recorded.EventId,
            recorded.EventType,
            Timestamps.ToMicroseconds(recorded.Created),
            recorded.Data.Span,
            recorded.StoredMetadata.IsEmpty ? EventMetadataCodec.Encode(recorded.Metadata) : recorded.StoredMetadata.Span,
            hash);
        return hash;
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)written);
        return 4 + written;
    }

    private static int WriteBytes(Span<byte> destination, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)value.Length);
        value.CopyTo(destination[4..]);
        return 4 + value.Length;
    }
}
