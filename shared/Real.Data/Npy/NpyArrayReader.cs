using System.Runtime.InteropServices;
using System.Text;

namespace Real.Data.Npy;

/// <summary>
/// Streams the elements of one .npy array in C order, so a large array (the 377 MB ReaL vote tensor) can be
/// consumed a slice at a time with bounded memory. Every error names <see cref="NpyHeader.Source"/>.
/// </summary>
public sealed class NpyArrayReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private long _remaining;

    private NpyArrayReader(Stream stream, NpyHeader header, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Header = header;
        _remaining = header.Count;
    }

    public NpyHeader Header { get; }

    /// <summary>Elements not read yet.</summary>
    public long Remaining => _remaining;

    /// <summary>Reads the header from <paramref name="stream"/>; <paramref name="source"/> names it in errors (e.g. "raters.npz:tensor.npy").</summary>
    public static NpyArrayReader Open(Stream stream, string source, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Reading .npy data needs a little-endian machine.");
        }

        try
        {
            return new NpyArrayReader(stream, NpyHeaderParser.Read(stream, source), leaveOpen);
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    public static NpyArrayReader OpenFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such .npy file.", path);
        }

        return Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), path);
    }

    /// <summary>Fills <paramref name="destination"/> with the next elements. <typeparamref name="T"/> must be the dtype's element type.</summary>
    public void Read<T>(Span<T> destination)
        where T : unmanaged
    {
        RequireElementType(typeof(T));
        Take(destination.Length);
        var bytes = MemoryMarshal.AsBytes(destination);
        Fill(bytes, destination.Length);
        if (Header.DType.Kind == NpyKind.Bool)
        {
            // numpy treats any non-zero byte as True; a CLR bool must be exactly 0 or 1.
            foreach (ref var b in bytes)
            {
                b = b == 0 ? (byte)0 : (byte)1;
            }
        }
    }

    /// <summary>Fills <paramref name="destination"/> with the next strings of a <c>&lt;U{n}</c> array (trailing NULs removed).</summary>
    public void ReadStrings(Span<string> destination)
    {
        RequireElementType(typeof(string));
        Take(destination.Length);
        var itemSize = Header.DType.ItemSize;
        const int chunkItems = 4096;
        var buffer = new byte[itemSize * Math.Min(chunkItems, Math.Max(1, destination.Length))];
        for (var start = 0; start < destination.Length; start += chunkItems)
        {
            var items = Math.Min(chunkItems, destination.Length - start);
            var chunk = buffer.AsSpan(0, items * itemSize);
            Fill(chunk, items);
            var codePoints = MemoryMarshal.Cast<byte, int>(chunk);
            var perItem = itemSize / 4;
            for (var i = 0; i < items; i++)
            {
                destination[start + i] = DecodeUtf32(codePoints.Slice(i * perItem, perItem), start + i);
            }
        }
    }

    /// <summary>Reads every remaining element.</summary>
    public T[] ReadAll<T>()
        where T : unmanaged
    {
        var result = new T[CheckedRemaining()];
        Read<T>(result);
        return result;
    }

    public string[] ReadAllStrings()
    {
        var result = new string[CheckedRemaining()];
        ReadStrings(result);
        return result;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private string DecodeUtf32(ReadOnlySpan<int> codePoints, int index)
    {
        var length = codePoints.Length;
        while (length > 0 && codePoints[length - 1] == 0)
        {
            length--;
        }

        codePoints = codePoints[..length];
        var ascii = true;
        foreach (var cp in codePoints)
        {
            ascii &= (uint)cp < 0x80;
        }

        if (ascii)
        {
            Span<char> chars = length <= 512 ? stackalloc char[length] : new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)codePoints[i];
            }

            return new string(chars);
        }

        foreach (var cp in codePoints)
        {
            if (!Rune.IsValid(cp))
            {
                throw new InvalidDataException($"{Header.Source}: string element {index} holds invalid code point 0x{cp:X}.");
            }
        }

        return Encoding.UTF32.GetString(MemoryMarshal.AsBytes(codePoints));
    }

    private void RequireElementType(Type requested)
    {
        if (Header.DType.ElementType != requested)
        {
            throw new InvalidDataException($"{Header.Source}: dtype is {Header.DType.Descr} ({Header.DType.ElementType.Name}) but {requested.Name} elements were requested.");
        }
    }

    private int CheckedRemaining() =>
        _remaining > Array.MaxLength
            ? throw new InvalidDataException($"{Header.Source}: {_remaining} elements do not fit one array; read it in slices.")
            : (int)_remaining;

    private void Take(int count)
    {
        if (count > _remaining)
        {
            throw new InvalidOperationException($"{Header.Source}: asked for {count} elements but only {_remaining} remain of shape {Header.ShapeText}.");
        }
    }

    private void Fill(Span<byte> bytes, int elements)
    {
        var total = 0;
        while (total < bytes.Length)
        {
            int read;
            try
            {
                read = _stream.Read(bytes[total..]);
            }
            catch (InvalidDataException ex)
            {
                // A corrupt deflate stream inside an .npz surfaces here.
                throw new InvalidDataException($"{Header.Source}: corrupt data: {ex.Message}", ex);
            }

            if (read == 0)
            {
                var present = ((Header.Count - _remaining) * Header.DType.ItemSize) + total;
                throw new InvalidDataException(
                    $"{Header.Source}: truncated: shape {Header.ShapeText} of {Header.DType.Descr} needs {Header.DataBytes} data bytes but only {present} are present.");
            }

            total += read;
        }

        _remaining -= elements;
    }
}
