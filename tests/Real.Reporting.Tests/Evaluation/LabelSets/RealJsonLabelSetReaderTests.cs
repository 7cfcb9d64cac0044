using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.LabelSets;
using Real.Testing;

namespace Real.Reporting.Tests.Evaluation.LabelSets;

public sealed class RealJsonLabelSetReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("real-json");
    private readonly ImageIndex _images = ImageIndex.ImageNetValidation(3);

    [Fact]
    public void Reads_one_list_per_validation_file_with_empty_lists_kept_as_exclusions()
    {
        var labels = RealJsonLabelSetReader.Read(Write("[[1, 2], [], [999]]"), _images, 1000);

        Assert.Equal([1, 2], labels[0]);
        Assert.Empty(labels[1]);
        Assert.Equal([999], labels[2]);
    }

    [Theory]
    [InlineData("[[1], [2]]", "2 entries, but the data set has 3 images")]
    [InlineData("[[1], [2], [3], [4]]", "4 entries, but the data set has 3 images")]
    [InlineData("[[1], [1000], [3]]", "entry 1 (ILSVRC2012_val_00000002.JPEG): label 1000 is outside 0..999")]
    [InlineData("[[1], [-1], [3]]", "label -1 is outside")]
    [InlineData("[[1], [\"dog\"], [3]]", "entry 1 (ILSVRC2012_val_00000002.JPEG): 'dog' is not an integer label index")]
    [InlineData("[[1], [2.5], [3]]", "'2.5' is not an integer")]
    [InlineData("[[1], 2, [3]]", "entry 1 (ILSVRC2012_val_00000002.JPEG): expected a list of label indices")]
    [InlineData("{\"a\": 1}", "expected a JSON list of lists")]
    [InlineData("[[1], [2], [3]", "not valid JSON")]
    public void Bad_files_name_the_entry_image_and_value(string json, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => RealJsonLabelSetReader.Read(Write(json), _images, 1000));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => RealJsonLabelSetReader.Read(_dir.File("none.json"), _images, 1000));

        Assert.Contains("none.json", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private string Write(string json)
    {
        var path = _dir.File("real.json");
        File.WriteAllText(path, json);
        return path;
    }
}
