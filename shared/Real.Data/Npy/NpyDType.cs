using System.Globalization;

namespace Real.Data.Npy;

/// <summary>
/// A little-endian (or byte-order-free) numpy dtype: <c>&lt;f8 &lt;f4 &lt;f2 &lt;i8 &lt;i4 |u1 |b1 &lt;U{n}</c>.
/// Big-endian and every other dtype are rejected when the header is parsed.
/// </summary>
public readonly record struct NpyDType(NpyKind Kind, int ItemSize, string Descr)
{
    /// <summary>The descriptors this reader accepts, as numpy writes them.</summary>
    public const string Supported = "<f8 <f4 <f2 <i8 <i4 |u1 |b1 <U{n}";

    /// <summary>Number of code points of a <see cref="NpyKind.Unicode"/> item (0 for other kinds).</summary>
    public int StringLength => Kind == NpyKind.Unicode ? ItemSize / 4 : 0;

    public static bool TryParse(string descr, out NpyDType dtype)
    {
        dtype = descr switch
        {
            "<f8" => new NpyDType(NpyKind.Float64, 8, descr),
            "<f4" => new NpyDType(NpyKind.Float32, 4, descr),
            "<f2" => new NpyDType(NpyKind.Float16, 2, descr),
            "<i8" => new NpyDType(NpyKind.Int64, 8, descr),
            "<i4" => new NpyDType(NpyKind.Int32, 4, descr),
            "|u1" or "<u1" => new NpyDType(NpyKind.UInt8, 1, descr),
            "|b1" or "<b1" => new NpyDType(NpyKind.Bool, 1, descr),
            _ => default,
        };
        if (dtype.ItemSize > 0)
        {
            return true;
        }

        if (descr.Length > 2 && descr.StartsWith("<U", StringComparison.Ordinal)
            && int.TryParse(descr.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            && length is > 0 and <= 1 << 20)
        {
            dtype = new NpyDType(NpyKind.Unicode, length * 4, descr);
            return true;
        }

        return false;
    }

    /// <summary>The CLR element type a whole-array read of this dtype produces.</summary>
    public Type ElementType => Kind switch
    {
        NpyKind.Float64 => typeof(double),
        NpyKind.Float32 => typeof(float),
        NpyKind.Float16 => typeof(Half),
        NpyKind.Int64 => typeof(long),
        NpyKind.Int32 => typeof(int),
        NpyKind.UInt8 => typeof(byte),
        NpyKind.Bool => typeof(bool),
        NpyKind.Unicode => typeof(string),
        _ => throw new InvalidOperationException($"Unknown kind {Kind}."),
    };

    public override string ToString() => Descr;
}
