using Real.Proposals.Registering;
using Real.Testing;

namespace Real.Proposals.Tests.Registering;

public sealed class ClassMapFileTests
{
    [Fact]
    public void Reads_one_class_per_output_skipping_comments_and_blank_lines()
    {
        using var dir = new TempDirectory();
        var path = dir.File("map.txt");
        File.WriteAllText(path, "# output -> class\n5\n-1\n\n7\n");

        Assert.Equal([5, -1, 7], ClassMapFile.Read(path));
    }

    [Fact]
    public void A_bad_line_is_named_with_its_number()
    {
        using var dir = new TempDirectory();
        var path = dir.File("map.txt");
        File.WriteAllText(path, "5\ncat\n");

        var error = Assert.Throws<InvalidDataException>(() => ClassMapFile.Read(path));

        Assert.Equal($"{path} line 2: 'cat' is not a class index (0 or more) or -1 for an unmapped output.", error.Message);
    }
}
