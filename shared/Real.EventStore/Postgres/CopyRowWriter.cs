using System.Buffers.Binary;
using System.Text;

namespace Real.EventStore.Postgres;

/// <summary>
/// Encodes events rows in PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html,
/// "Binary Format": a signature, then per row an int16 field count and per field an int32 length and the value's
/// binary send form, all big-endian; an int16 -1 ends the data) into a buffer that goes out whenever it is full.
/// Written by hand rather than through NpgsqlBinaryImporter because the importer resolves, binds and writes each
/// field separately: measured, that cost a third more client CPU per append than the whole row encode here, and the
/// client's CPU is on the append's critical path (see docs/event-store.md).
/// </summary>
internal sealed class CopyRowWriter(Stream destination, int bufferSize = 32 * 1024)
{
    private const short FieldCount = 10;

    /// <summary>Microseconds from the Unix epoch to PostgreSQL's (2000-01-01 UTC), which timestamptz counts from.</summary>
    private const long PostgresEpochMicroseconds = 946_684_800_000_000;

    /// <summary>"PGCOPY\n\377\r\n\0".</summary>
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private readonly byte[] _buffer = new byte[bufferSize];
    private int _length;

    public void WriteHeader()
    {
        var span = Reserve(Signature.Length + 8);
        Signature.CopyTo(span);
        BinaryPrimitives.WriteInt32BigEndian(span[Signature.Length..], 0); // flags: no OIDs
        BinaryPrimitives.WriteInt32BigEndian(span[(Signature.Length + 4)..], 0); // no header extension
        _length += Signature.Length + 8;
    }

    /// <summary>One events row, its columns in the order of <c>PostgresEventStore.CopyEvents</c>.</summary>
    public void WriteRow(
        long position,
        string stream,
        long revision,
        string category,
        Guid eventId,
        string eventType,
        ReadOnlySpan<byte> data,
        ReadOnlySpan<byte> metadata,
        long createdMicroseconds,
        ReadOnlySpan<byte> hash)
    {
        var size = 2 + (10 * 4) + 8 + Encoding.UTF8.GetByteCount(stream) + 8 + Encoding.UTF8.GetByteCount(category) + 16
            + Encoding.UTF8.GetByteCount(eventType) + data.Length + metadata.Length + 8 + hash.Length;
        // A row larger than the buffer (a big event) is encoded on its own and written after what is buffered.
        var oversize = size > _buffer.Length ? new byte[size] : null;
        var span = oversize ?? Reserve(size);
        var at = 0;
        BinaryPrimitives.WriteInt16BigEndian(span, FieldCount);
        at += 2;
        at += Int64(span[at..], position);
        at += Text(span[at..], stream);
        at += Int64(span[at..], revision);
        at += Text(span[at..], category);
        BinaryPrimitives.WriteInt32BigEndian(span[at..], 16);
        eventId.TryWriteBytes(span[(at + 4)..], bigEndian: true, out _);
        at += 20;
        at += Text(span[at..], eventType);
        at += Bytes(span[at..], data);
        at += Bytes(span[at..], metadata);
        at += Int64(span[at..], createdMicroseconds - PostgresEpochMicroseconds);
        at += Bytes(span[at..], hash);
        if (oversize is null)
        {
            _length += at;
            return;
        }

        Flush();
        destination.Write(oversize, 0, at);
    }

    /// <summary>Writes the trailer and whatever is still buffered.</summary>
    public void Finish()
    {
        var span = Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(span, -1);
        _length += 2;
        Flush();
    }

    private Span<byte> Reserve(int size)
    {
        if (_length + size > _buffer.Length)
        {
            Flush();
        }

        return _buffer.AsSpan(_length, size);
    }

    private void Flush()
    {
        destination.Write(_buffer, 0, _length);
        _length = 0;
    }

    private static int Int64(Span<byte> span, long value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
        return 12;
    }

    private static int Text(Span<byte> span, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, written);
        return 4 + written;
    }

    private static int Bytes(Span<byte> span, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span, value.Length);
        value.CopyTo(span[4..]);
        return 4 + value.Length;
    }
}
