namespace Real.Data.Npy;

/// <summary>A whole .npy array read into a flat, C-ordered array: element (i, j, k) is at ((i * Shape[1]) + j) * Shape[2] + k.</summary>
public sealed record NpyArray<T>(NpyHeader Header, T[] Data)
{
    public IReadOnlyList<long> Shape => Header.Shape;
}
