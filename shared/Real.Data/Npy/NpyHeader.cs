namespace Real.Data.Npy;

/// <summary>
/// The parsed header of one .npy array. <see cref="Source"/> names the file (and zip member) in every error.
/// Only C-order arrays are accepted, so element i of the flat data is shape-index i in row-major order.
/// </summary>
public sealed record NpyHeader(string Source, int MajorVersion, int MinorVersion, NpyDType DType, IReadOnlyList<long> Shape, int HeaderBytes)
{
    /// <summary>Number of elements: the product of the shape (1 for a 0-d array).</summary>
    public long Count
    {
        get
        {
            long count = 1;
            foreach (var dimension in Shape)
            {
                count = checked(count * dimension);
            }

            return count;
        }
    }

    /// <summary>Bytes of array data that follow the header.</summary>
    public long DataBytes => checked(Count * DType.ItemSize);

    public string ShapeText => $"({string.Join(", ", Shape)}{(Shape.Count == 1 ? "," : "")})";

    /// <summary>Throws unless the dtype is <paramref name="expected"/>.</summary>
    public NpyHeader RequireDType(NpyKind expected)
    {
        if (DType.Kind != expected)
        {
            throw new InvalidDataException($"{Source}: dtype is {DType.Descr} but {expected} was expected.");
        }

        return this;
    }

    /// <summary>Throws unless the shape matches; a null entry accepts any length in that dimension.</summary>
    public NpyHeader RequireShape(params long?[] expected)
    {
        var matches = expected.Length == Shape.Count;
        for (var i = 0; matches && i < expected.Length; i++)
        {
            matches = expected[i] is null || expected[i] == Shape[i];
        }

        if (!matches)
        {
            var wanted = string.Join(", ", expected.Select(e => e?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"));
            throw new InvalidDataException($"{Source}: shape is {ShapeText} but ({wanted}{(expected.Length == 1 ? "," : "")}) was expected.");
        }

        return this;
    }
}
