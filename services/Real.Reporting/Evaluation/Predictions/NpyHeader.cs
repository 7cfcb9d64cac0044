using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Real.Reporting.Evaluation.Predictions;

/// <summary>
/// The header of a NumPy .npy file (format versions 1–3): dtype, byte order, memory order and shape. Only what the
/// logits reader needs; the data follows the header at <see cref="DataOffset"/>.
/// </summary>
internal sealed partial record NpyHeader(char ByteOrder, char Kind, int ItemSize, bool FortranOrder, IReadOnlyList<long> Shape, long DataOffset)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public string Descr => $"{ByteOrder}{Kind}{ItemSize}";

    public static NpyHeader Read(Stream stream, string path)
    {
        Span<byte> prefix = stackalloc byte[8];
        if (stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8 || !prefix[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path}: not a .npy file (the first bytes are not \\x93NUMPY).");
        }

        var major = prefix[6];
        int headerLength;
        long offset;
        if (major == 1)
        {
            Span<byte> len = stackalloc byte[2];
            stream.ReadExactly(len);
            headerLength = len[0] | (len[1] << 8);
            offset = 10;
        }
        else if (major is 2 or 3)
        {
            Span<byte> len = stackalloc byte[4];
            stream.ReadExactly(len);
            headerLength = BitConverter.ToInt32(len);
            offset = 12;
        }
        else
        {
            throw new InvalidDataException($"{path}: .npy format version {major}.{prefix[7]} is not supported (1, 2 or 3 are).");
        }

        if (headerLength is <= 0 or > 1 << 20)
        {
            throw new InvalidDataException($"{path}: .npy header length {headerLength} is implausible (corrupt file?).");
        }

        var headerBytes = new byte[headerLength];
        if (stream.ReadAtLeast(headerBytes, headerLength, throwOnEndOfStream: false) < headerLength)
        {
            throw new InvalidDataException($"{path}: the .npy header is truncated.");
        }

        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        return Parse(header, offset + headerLength, path);
    }

    private static NpyHeader Parse(string header, long dataOffset, string path)
    {
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new InvalidDataException($"{path}: cannot read the .npy header '{header.Trim()}' (need descr, fortran_order and shape).");
        }

        var dims = shape.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.Parse(d.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture))
            .ToArray();
        var d = descr.Groups[1].Value;
        var byteOrder = d[0] is '<' or '>' or '|' or '=' ? d[0] : '=';
        var body = d[0] is '<' or '>' or '|' or '=' ? d[1..] : d;
        if (body.Length < 2 || !int.TryParse(body[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var itemSize))
        {
            throw new InvalidDataException($"{path}: unsupported dtype '{d}'.");
        }

        return new NpyHeader(byteOrder == '=' ? (BitConverter.IsLittleEndian ? '<' : '>') : byteOrder, body[0], itemSize, fortran.Groups[1].Value == "True", dims, dataOffset);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
