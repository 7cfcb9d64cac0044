namespace Real.Data.Npy;

/// <summary>The element kinds Real reads from .npy files (a deliberate subset of numpy's dtypes).</summary>
public enum NpyKind
{
    Float64,
    Float32,
    Float16,
    Int64,
    Int32,
    UInt8,
    Bool,

    /// <summary>Fixed-width UTF-32 strings (<c>&lt;U{n}</c>), NUL-padded to n code points.</summary>
    Unicode,
}
