using System.IO.Compression;

namespace Real.Testing.Npy;

/// <summary>Writes an .npz (zip of "name.npy" members), stored like np.savez or deflated like np.savez_compressed.</summary>
public static class NpzWriter
{
    public static void Write(string path, IReadOnlyDictionary<string, byte[]> members, bool compressed = true)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var (name, bytes) in members)
        {
            var entry = zip.CreateEntry($"{name}.npy", compressed ? CompressionLevel.Fastest : CompressionLevel.NoCompression);
            using var stream = entry.Open();
            stream.Write(bytes);
        }
    }
}
