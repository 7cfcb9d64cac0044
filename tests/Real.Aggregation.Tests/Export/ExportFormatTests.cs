using Real.Aggregation.Export;
using Real.Aggregation.Tests.LabelSets;
using Real.Contracts.Events.Aggregation;

namespace Real.Aggregation.Tests.Export;

/// <summary>The export formats byte for byte on a four-image data set (a.jpg … d.jpg, original labels 0 … 3).</summary>
public sealed class ExportFormatTests
{
    // a.jpg: two labels; b.jpg: never rated (keeps 1); c.jpg: rated, set empty (excluded); d.jpg: never rated (keeps 3).
    private static readonly Real.Aggregation.LabelSets.LabelSetView View = LabelSetDiffTests.View(
        "A",
        new ImageLabelSet("a.jpg", [new(0, 0.91), new(2, 0.8), new(3, 0.1)], [0, 2]),
        new ImageLabelSet("c.jpg", [new(2, 0.3)], []));

    [Fact]
    public void Real_json_is_one_list_per_image_in_data_set_order()
    {
        var writer = new StringWriter();
        RealJsonFormat.Write(View.Labels, writer);
        Assert.Equal("[[0, 2], [1], [], [3]]", writer.ToString());
        var parsed = System.Text.Json.JsonSerializer.Deserialize<int[][]>(writer.ToString())!;
        Assert.Equal(4, parsed.Length);
    }

    [Fact]
    public void Csv_has_every_rated_candidate_and_the_original_label_of_unrated_images()
    {
        var writer = new StringWriter();
        LabelCsvFormat.Write(View, writer);
        Assert.Equal(
            "file,label,score,in_set\n" +
            "a.jpg,0,0.91,1\n" +
            "a.jpg,2,0.8,1\n" +
            "a.jpg,3,0.1,0\n" +
            "b.jpg,1,,1\n" +
            "c.jpg,2,0.3,0\n" +
            "d.jpg,3,,1\n",
            writer.ToString());
    }

    [Fact]
    public void Scores_csv_has_every_rated_question_with_a_round_tripping_score()
    {
        var view = LabelSetDiffTests.View("A", new ImageLabelSet("a.jpg", [new(0, 0.1 + 0.2)], [0]));
        var writer = new StringWriter();
        ScoreCsvFormat.Write(view, writer);
        Assert.Equal("file,label,score\na.jpg,0,0.30000000000000004\n", writer.ToString());
    }

    [Fact]
    public void An_atomic_write_leaves_no_file_when_writing_fails()
    {
        using var directory = new Real.Testing.TempDirectory();
        var path = directory.File("out.json");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, w =>
        {
            w.Write("[[1], ");
            throw new InvalidOperationException("disk full");
        }));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void An_atomic_write_into_a_missing_directory_names_it()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write("/nonexistent-dir-for-real/x.json", _ => { }));
        Assert.Contains("/nonexistent-dir-for-real", error.Message, StringComparison.Ordinal);
    }
}
