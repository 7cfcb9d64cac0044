using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Real.Data.Npy;

/// <summary>
/// Reads the .npy preamble (magic, version 1.0/2.0/3.0, header length) and parses the header, a Python dict
/// literal such as <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (85, 184962, 3), }</c>.
/// See https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html.
/// </summary>
internal static class NpyHeaderParser
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static NpyHeader Read(Stream stream, string source)
    {
        Span<byte> preamble = stackalloc byte[10];
        ReadExactly(stream, preamble[..8], source, "the magic string and version");
        if (!preamble[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{source}: not a .npy array (bad magic bytes {Convert.ToHexString(preamble[..6])}; expected 934E554D5059 \"\\x93NUMPY\").");
        }

        int major = preamble[6], minor = preamble[7];
        int headerLength;
        int prefixBytes;
        switch (major)
        {
            case 1:
                ReadExactly(stream, preamble[8..10], source, "the header length");
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble[8..10]);
                prefixBytes = 10;
                break;
            case 2 or 3:
                Span<byte> length = stackalloc byte[4];
                ReadExactly(stream, length, source, "the header length");
                var value = BinaryPrimitives.ReadUInt32LittleEndian(length);
                if (value > 1 << 24)
                {
                    throw new InvalidDataException($"{source}: header length {value} is implausibly large.");
                }

                headerLength = (int)value;
                prefixBytes = 12;
                break;
            default:
                throw new InvalidDataException($"{source}: unsupported .npy format version {major}.{minor} (1.0, 2.0 and 3.0 are supported).");
        }

        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, source, "the header");
        // Versions 1 and 2 store the header as latin-1; version 3 as UTF-8.
        var text = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        return Parse(text, source, major, minor, prefixBytes + headerLength);
    }

    public static NpyHeader Parse(string text, string source, int major, int minor, int headerBytes)
    {
        var dict = new DictLiteral(text, source).ParseDict();
        if (!dict.TryGetValue("descr", out var descrValue) || descrValue is not string descr)
        {
            throw new InvalidDataException($"{source}: header has no string 'descr' (structured dtypes are not supported): {text.Trim()}");
        }

        if (!NpyDType.TryParse(descr, out var dtype))
        {
            throw new InvalidDataException($"{source}: unsupported dtype '{descr}' (supported: {NpyDType.Supported}).");
        }

        if (!dict.TryGetValue("fortran_order", out var fortran) || fortran is not bool fortranOrder)
        {
            throw new InvalidDataException($"{source}: header has no boolean 'fortran_order': {text.Trim()}");
        }

        if (fortranOrder)
        {
            throw new InvalidDataException($"{source}: Fortran-order arrays are not supported (save with C order).");
        }

        if (!dict.TryGetValue("shape", out var shapeValue) || shapeValue is not List<long> shape)
        {
            throw new InvalidDataException($"{source}: header has no integer tuple 'shape': {text.Trim()}");
        }

        var header = new NpyHeader(source, major, minor, dtype, shape, headerBytes);
        try
        {
            _ = header.DataBytes;
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"{source}: shape {header.ShapeText} is too large.");
        }

        return header;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string source, string what)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                throw new InvalidDataException($"{source}: truncated while reading {what} ({total} of {buffer.Length} bytes present).");
            }

            total += read;
        }
    }

    /// <summary>A tiny recursive-descent parser for the subset of Python literals numpy writes in headers.</summary>
    private ref struct DictLiteral(string text, string source)
    {
        private readonly string _text = text;
        private readonly string _source = source;
        private int _pos;

        public Dictionary<string, object?> ParseDict()
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            Expect('{');
            while (true)
            {
                SkipSpace();
                if (TryConsume('}'))
                {
                    return result;
                }

                var key = ParseValue() as string ?? throw Error("a dict key must be a string");
                Expect(':');
                result[key] = ParseValue();
                SkipSpace();
                if (!TryConsume(','))
                {
                    Expect('}');
                    return result;
                }
            }
        }

        private object? ParseValue()
        {
            SkipSpace();
            if (_pos >= _text.Length)
            {
                throw Error("unexpected end");
            }

            var c = _text[_pos];
            if (c is '\'' or '"')
            {
                return ParseString(c);
            }

            if (c == '(')
            {
                return ParseTuple();
            }

            if (c == '[')
            {
                throw Error("structured (list) dtypes are not supported");
            }

            if (c == '{')
            {
                return ParseDict();
            }

            var start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-'))
            {
                _pos++;
            }

            var word = _text[start.._pos];
            return word switch
            {
                "True" => true,
                "False" => false,
                "None" => null,
                _ when long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
                _ => throw Error($"unexpected token '{word}'"),
            };
        }

        private string ParseString(char quote)
        {
            _pos++;
            var start = _pos;
            while (_pos < _text.Length && _text[_pos] != quote)
            {
                _pos++;
            }

            if (_pos >= _text.Length)
            {
                throw Error("unterminated string");
            }

            return _text[start.._pos++];
        }

        private List<long> ParseTuple()
        {
            Expect('(');
            var items = new List<long>();
            while (true)
            {
                SkipSpace();
                if (TryConsume(')'))
                {
                    return items;
                }

                var value = ParseValue();
                if (value is not long dimension || dimension < 0)
                {
                    throw Error("a shape entry must be a non-negative integer");
                }

                items.Add(dimension);
                SkipSpace();
                if (!TryConsume(','))
                {
                    Expect(')');
                    return items;
                }
            }
        }

        private void SkipSpace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        private bool TryConsume(char c)
        {
            if (_pos < _text.Length && _text[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (!TryConsume(c))
            {
                throw Error($"expected '{c}'");
            }
        }

        private readonly InvalidDataException Error(string problem) =>
            new($"{_source}: malformed header at character {_pos}: {problem}: {_text.Trim()}");
    }
}
