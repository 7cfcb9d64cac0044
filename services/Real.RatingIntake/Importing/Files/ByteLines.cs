using System.Buffers;

namespace Real.RatingIntake.Importing.Files;

/// <summary>Splits a stream into lines of raw bytes (on '\n'), numbered from 1, without decoding them.</summary>
internal static class ByteLines
{
    public static IEnumerable<(int Number, byte[] Line)> Read(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var pending = new ArrayBufferWriter<byte>();
        var number = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsMemory(0, read);
            int newline;
            while ((newline = span.Span.IndexOf((byte)'\n')) >= 0)
            {
                pending.Write(span.Span[..newline]);
                yield return (++number, pending.WrittenSpan.ToArray());
                pending.ResetWrittenCount();
                span = span[(newline + 1)..];
            }

            pending.Write(span.Span);
        }

        if (pending.WrittenCount > 0)
        {
            yield return (++number, pending.WrittenSpan.ToArray());
        }
    }
}
