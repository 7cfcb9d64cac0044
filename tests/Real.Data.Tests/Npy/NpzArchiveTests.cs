using Real.Data.Npy;
using Real.Testing;
using Real.Testing.Npy;

namespace Real.Data.Tests.Npy;

public sealed class NpzArchiveTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_stored_and_deflated_members(bool compressed)
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.npz");
        NpzWriter.Write(
            path,
            new Dictionary<string, byte[]>
            {
                ["ids"] = NpyWriter.Array("<i8", [3], new[] { 5L, 6L, 7L }),
                ["info"] = NpyWriter.Strings(["x", "y"], [2], 4),
            },
            compressed);

        using var npz = NpzArchive.Open(path);

        Assert.Equal(["ids", "info"], npz.MemberNames.Order(StringComparer.Ordinal));
        Assert.Equal([5L, 6L, 7L], npz.Read<long>("ids").Data);
        Assert.Equal(["x", "y"], npz.ReadStrings("info").Data);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_rejected_naming_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.npz");
        File.WriteAllBytes(path, NpyWriter.Array("<f8", [1], new[] { 1.0 }));

        var error = Assert.Throws<InvalidDataException>(() => NpzArchive.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid .npz (zip) archive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_zip_is_rejected()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.npz");
        NpzWriter.Write(path, new Dictionary<string, byte[]> { ["a"] = NpyWriter.Array("<f8", [100], new double[100]) });
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => NpzArchive.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_deflated_data_is_reported_with_the_member()
    {
        using var dir = new TempDirectory();
        var path = dir.File("corrupt.npz");
        var random = new Random(7);
        var data = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble()).ToArray();
        NpzWriter.Write(path, new Dictionary<string, byte[]> { ["tensor"] = NpyWriter.Array("<f8", [data.Length], data) });
        var bytes = File.ReadAllBytes(path);
        // Scramble the middle of the compressed member (local header is ~40 bytes; the central directory is at the end).
        for (var i = 2_000; i < 6_000; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(path, bytes);

        using var npz = NpzArchive.Open(path);
        var error = Assert.Throws<InvalidDataException>(() => npz.Read<double>("tensor"));

        Assert.Contains("corrupt.npz:tensor.npy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_member_lists_the_members_present()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.npz");
        NpzWriter.Write(path, new Dictionary<string, byte[]> { ["ids"] = NpyWriter.Array("<i8", [1], new[] { 1L }) });
        using var npz = NpzArchive.Open(path);

        var error = Assert.Throws<InvalidDataException>(() => npz.OpenMember("tensor"));

        Assert.Contains("has no member 'tensor' (members: ids)", error.Message, StringComparison.Ordinal);
    }
}
