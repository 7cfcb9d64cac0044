using System.Buffers.Binary;
using System.Text;

namespace Real.Reporting.Tests.Support;

/// <summary>Writes .npy files (format 1.0) the way numpy.save does, for reader tests, including deliberately odd ones.</summary>
internal static class NpyWriter
{
    public static void WriteFloat32(string path, float[,] values, bool bigEndian = false) =>
        Write(path, bigEndian ? ">f4" : "<f4", values.GetLength(0), values.GetLength(1), 4, (span, v) =>
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteSingleBigEndian(span, v);
            }
            else
            {
                BinaryPrimitives.WriteSingleLittleEndian(span, v);
            }
        }, values);

    public static void WriteFloat16(string path, float[,] values) =>
        Write(path, "<f2", values.GetLength(0), values.GetLength(1), 2, (span, v) => BinaryPrimitives.WriteHalfLittleEndian(span, (Half)v), values);

    public static void WriteRaw(string path, string header, byte[] data)
    {
        var headerBytes = HeaderBytes(header);
        using var file = File.Create(path);
        file.Write(headerBytes);
        file.Write(data);
    }

    public static string Header(string descr, bool fortran, params long[] shape) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': ({string.Join(", ", shape)}{(shape.Length == 1 ? "," : string.Empty)}), }}";

    private static void Write(string path, string descr, int rows, int cols, int itemSize, Action<Span<byte>, float> put, float[,] values)
    {
        var data = new byte[rows * cols * itemSize];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                put(data.AsSpan(((r * cols) + c) * itemSize, itemSize), values[r, c]);
            }
        }

        WriteRaw(path, Header(descr, false, rows, cols), data);
    }

    private static byte[] HeaderBytes(string header)
    {
        // Pad with spaces so magic + length + header + '\n' is a multiple of 64, as numpy does.
        var total = 10 + header.Length + 1;
        var padded = header + new string(' ', (64 - (total % 64)) % 64) + "\n";
        var bytes = new byte[10 + padded.Length];
        byte[] magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];
        magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)padded.Length);
        Encoding.Latin1.GetBytes(padded).CopyTo(bytes, 10);
        return bytes;
    }
}
