using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Real.Testing.Npy;

/// <summary>
/// Writes .npy bytes the way numpy does (magic, version, padded header dict, raw little-endian data), so tests
/// can build small fixtures — and deliberately broken ones — without Python.
/// </summary>
public static class NpyWriter
{
    public static byte[] Array<T>(string descr, long[] shape, T[] data, int majorVersion = 1)
        where T : unmanaged =>
        Build(descr, shape, MemoryMarshal.AsBytes(data.AsSpan()).ToArray(), majorVersion);

    /// <summary>A <c>&lt;U{width}</c> array of strings (UTF-32LE, NUL-padded).</summary>
    public static byte[] Strings(string[] data, long[] shape, int width, int majorVersion = 1)
    {
        var bytes = new byte[data.Length * width * 4];
        for (var i = 0; i < data.Length; i++)
        {
            var utf32 = Encoding.UTF32.GetBytes(data[i]);
            if (utf32.Length > width * 4)
            {
                throw new ArgumentException($"'{data[i]}' is longer than {width} code points.", nameof(data));
            }

            utf32.CopyTo(bytes, i * width * 4);
        }

        return Build($"<U{width}", shape, bytes, majorVersion);
    }

    /// <summary>Any header text (for malformed-header tests) followed by <paramref name="data"/>.</summary>
    public static byte[] Raw(string headerDict, byte[] data, int majorVersion = 1)
    {
        var encoding = majorVersion == 3 ? Encoding.UTF8 : Encoding.Latin1;
        var prefix = majorVersion == 1 ? 10 : 12;
        var header = headerDict;
        var unpadded = prefix + encoding.GetByteCount(header) + 1;
        header += new string(' ', (64 - (unpadded % 64)) % 64) + "\n";
        var headerBytes = encoding.GetBytes(header);
        using var stream = new MemoryStream();
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)majorVersion, 0]);
        Span<byte> length = stackalloc byte[4];
        if (majorVersion == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)headerBytes.Length);
            stream.Write(length[..2]);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)headerBytes.Length);
            stream.Write(length);
        }

        stream.Write(headerBytes);
        stream.Write(data);
        return stream.ToArray();
    }

    public static string HeaderDict(string descr, long[] shape, bool fortranOrder = false)
    {
        var dims = string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var tuple = shape.Length == 1 ? $"({dims},)" : $"({dims})";
        return $"{{'descr': '{descr}', 'fortran_order': {(fortranOrder ? "True" : "False")}, 'shape': {tuple}, }}";
    }

    private static byte[] Build(string descr, long[] shape, byte[] data, int majorVersion) =>
        Raw(HeaderDict(descr, shape), data, majorVersion);
}
