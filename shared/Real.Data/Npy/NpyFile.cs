namespace Real.Data.Npy;

/// <summary>Whole-array reads of .npy files and streams.</summary>
public static class NpyFile
{
    public static NpyArray<T> Read<T>(string path)
        where T : unmanaged
    {
        using var reader = NpyArrayReader.OpenFile(path);
        return new NpyArray<T>(reader.Header, reader.ReadAll<T>());
    }

    public static NpyArray<string> ReadStrings(string path)
    {
        using var reader = NpyArrayReader.OpenFile(path);
        return new NpyArray<string>(reader.Header, reader.ReadAllStrings());
    }

    public static NpyArray<T> Read<T>(Stream stream, string source)
        where T : unmanaged
    {
        using var reader = NpyArrayReader.Open(stream, source, leaveOpen: true);
        return new NpyArray<T>(reader.Header, reader.ReadAll<T>());
    }

    public static NpyArray<string> ReadStrings(Stream stream, string source)
    {
        using var reader = NpyArrayReader.Open(stream, source, leaveOpen: true);
        return new NpyArray<string>(reader.Header, reader.ReadAllStrings());
    }
}
