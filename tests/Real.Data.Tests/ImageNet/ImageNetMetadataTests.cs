using Real.Data.ImageNet;
using Real.Testing;

namespace Real.Data.Tests.ImageNet;

public sealed class ImageNetMetadataTests
{
    [Fact]
    public void Loads_classes_labels_and_hierarchy()
    {
        using var fixture = new ImageNetFixture();

        var metadata = ImageNetMetadata.Load(fixture.Path);

        Assert.Equal(["tench", "goldfish", "water bottle"], metadata.ClassNames);
        Assert.Equal([2, 0, 1, 1], metadata.ValidationLabels);
        var tench = metadata.Classes[0];
        Assert.Equal("n01440764", tench.Wnid);
        Assert.True(tench.IsAnimal);
        Assert.False(metadata.Classes[2].IsAnimal);
        Assert.Equal([new WordNetNode("n01439121", "cyprinid"), new WordNetNode("n00001740", "entity")], tench.HypernymChain);
        Assert.Equal(["n00001740", "n01439121"], tench.AncestorWnids);
    }

    [Theory]
    [InlineData("val_labels.txt", "2\n0\nx\n", "val_labels.txt line 3: 'x' is not a class index 0..2")]
    [InlineData("val_labels.txt", "2\n3\n", "val_labels.txt line 2: '3' is not a class index 0..2")]
    [InlineData("synsets.txt", "n01440764\nq123\nn04557648\n", "synsets.txt line 2: 'q123' is not a WordNet id")]
    [InlineData("class_names.txt", "tench\ngoldfish\n", "2 class names but synsets.txt has 3 classes")]
    [InlineData("class_names.txt", "tench\n\nwater bottle\n", "class_names.txt line 2: '' is not a class name")]
    public void Line_files_report_the_file_and_line(string file, string content, string expected)
    {
        using var fixture = new ImageNetFixture();
        fixture.Write(file, content);

        var error = Assert.Throws<InvalidDataException>(() => ImageNetMetadata.Load(fixture.Path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("index\twnid\tname\n", "line 1: header is")]
    [InlineData("3\tn01440764\ttench\t1\t0\t2\tn00001740:entity\tn00001740\n", "line 2: index '3': not a class index 0..2")]
    [InlineData("0\tn01443537\ttench\t1\t0\t2\tn00001740:entity\tn00001740\n", "line 2: wnid 'n01443537': synsets.txt has n01440764 for class 0")]
    [InlineData("0\tn01440764\tcarp\t1\t0\t2\tn00001740:entity\tn00001740\n", "line 2: name 'carp': class_names.txt has 'tench'")]
    [InlineData("0\tn01440764\ttench\tyes\t0\t2\tn00001740:entity\tn00001740\n", "line 2: is_animal 'yes': must be 0 or 1")]
    [InlineData("0\tn01440764\ttench\t1\t0\t2\tentity\tn00001740\n", "line 2: hypernym_chain 'entity'")]
    [InlineData("0\tn01440764\ttench\t1\t0\n", "line 2: 5 tab-separated fields but 8 were expected")]
    [InlineData("0\tn01440764\ttench\t1\t0\t2\tn00001740:entity\tn00001740\n", "no row for class 1 (n01443537)")]
    public void Hierarchy_errors_name_the_line_column_and_value(string body, string expected)
    {
        using var fixture = new ImageNetFixture();
        var header = "index\twnid\tname\tis_animal\tmulti_parent\tdepth\thypernym_chain\tall_ancestor_wnids\n";
        fixture.Write("hierarchy.tsv", body.StartsWith("index", StringComparison.Ordinal) ? body : header + body);

        var error = Assert.Throws<InvalidDataException>(() => ImageNetMetadata.Load(fixture.Path));

        Assert.Contains("hierarchy.tsv", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_or_file_is_named()
    {
        using var fixture = new ImageNetFixture();
        File.Delete(Path.Combine(fixture.Path, "hierarchy.tsv"));

        Assert.Contains("hierarchy.tsv", Assert.Throws<FileNotFoundException>(() => ImageNetMetadata.Load(fixture.Path)).Message, StringComparison.Ordinal);
        Assert.Throws<DirectoryNotFoundException>(() => ImageNetMetadata.Load(Path.Combine(fixture.Path, "nope")));
    }

    [Fact]
    public void Validation_file_names_round_trip()
    {
        Assert.Equal("ILSVRC2012_val_00000001.JPEG", ImageNetValidation.ImageFileName(0));
        Assert.Equal("ILSVRC2012_val_00050000.JPEG", ImageNetValidation.ImageFileName(49_999));
        Assert.Equal(41_206, ImageNetValidation.IndexOf("ILSVRC2012_val_00041207.JPEG"));
        Assert.Equal(-1, ImageNetValidation.IndexOf("ILSVRC2012_val_00000000.JPEG"));
        Assert.Equal(-1, ImageNetValidation.IndexOf("ILSVRC2012_val_0041207.JPEG"));
        Assert.Equal(-1, ImageNetValidation.IndexOf("cat.jpg"));
    }

    /// <summary>The facts shared/data/imagenet/SOURCES.md states about the real files.</summary>
    [Fact]
    public void The_reference_imagenet_metadata_has_the_documented_facts()
    {
        var metadata = ImageNetMetadata.Load(Path.Combine(RepositoryRoot.DataRoot, "imagenet"));

        Assert.Equal(1000, metadata.Classes.Count);
        Assert.Equal(50_000, metadata.ValidationLabels.Count);
        Assert.Equal([65, 970, 230, 809, 516], metadata.ValidationLabels.Take(5));
        Assert.All(metadata.ValidationLabels.CountBy(l => l), pair => Assert.Equal(50, pair.Value));
        Assert.Equal(("n01440764", "tench"), (metadata.Classes[0].Wnid, metadata.Classes[0].Name));
        Assert.Equal(("n15075141", "toilet tissue"), (metadata.Classes[999].Wnid, metadata.Classes[999].Name));
        Assert.Equal(Enumerable.Range(0, 398), metadata.Classes.Where(c => c.IsAnimal).Select(c => c.Index));
        Assert.All(metadata.Classes, c => Assert.Equal("n00001740", c.HypernymChain[^1].Wnid));
    }
}
