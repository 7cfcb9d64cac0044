using System.IO.Compression;

namespace Real.Data.Npy;

/// <summary>
/// A numpy .npz archive: a zip whose members are .npy arrays, stored or deflated (<c>np.savez</c> /
/// <c>np.savez_compressed</c>). Members are read as streams, so a large member never has to fit in memory.
/// </summary>
public sealed class NpzArchive : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _members;

    private NpzArchive(string path, ZipArchive zip)
    {
        Path = path;
        _zip = zip;
        _members = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
            _members[name] = entry;
        }
    }

    /// <summary>The archive's path, used in every error message.</summary>
    public string Path { get; }

    /// <summary>Member names without the ".npy" suffix (numpy's keys).</summary>
    public IReadOnlyCollection<string> MemberNames => _members.Keys;

    public static NpzArchive Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such .npz file.", path);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return new NpzArchive(path, new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false));
        }
        catch (InvalidDataException ex)
        {
            stream.Dispose();
            throw new InvalidDataException($"{path}: not a valid .npz (zip) archive: {ex.Message}", ex);
        }
    }

    public bool Contains(string member) => _members.ContainsKey(member);

    /// <summary>Opens a member for streaming. <paramref name="member"/> is numpy's key, e.g. "tensor".</summary>
    public NpyArrayReader OpenMember(string member)
    {
        if (!_members.TryGetValue(member, out var entry))
        {
            throw new InvalidDataException($"{Path}: has no member '{member}' (members: {string.Join(", ", _members.Keys.Order(StringComparer.Ordinal))}).");
        }

        Stream stream;
        try
        {
            stream = entry.Open();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{Path}:{entry.FullName}: cannot open member: {ex.Message}", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidDataException($"{Path}:{entry.FullName}: unsupported compression: {ex.Message}", ex);
        }

        return NpyArrayReader.Open(stream, $"{Path}:{entry.FullName}");
    }

    public NpyArray<T> Read<T>(string member)
        where T : unmanaged
    {
        using var reader = OpenMember(member);
        return new NpyArray<T>(reader.Header, reader.ReadAll<T>());
    }

    public NpyArray<string> ReadStrings(string member)
    {
        using var reader = OpenMember(member);
        return new NpyArray<string>(reader.Header, reader.ReadAllStrings());
    }

    public void Dispose() => _zip.Dispose();
}
