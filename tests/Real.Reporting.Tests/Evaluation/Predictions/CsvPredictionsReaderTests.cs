using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.Predictions;
using Real.Testing;

namespace Real.Reporting.Tests.Evaluation.Predictions;

public sealed class CsvPredictionsReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("real-csv");
    private readonly ImageIndex _images = ImageIndex.ImageNetValidation(3);

    [Fact]
    public void Rows_per_file_in_order_become_ranked_predictions_padded_to_the_longest()
    {
        var path = Write(
            "file,label,score",
            "ILSVRC2012_val_00000002.JPEG,7,0.9",
            "ILSVRC2012_val_00000001.JPEG,3,0.8",
            "/some/dir/ILSVRC2012_val_00000002.JPEG,4,0.05",
            "ILSVRC2012_val_00000003,1,0.5",
            "ILSVRC2012_val_00000001.JPEG,5,1e-3",
            "ILSVRC2012_val_00000002.JPEG,2,0.01");

        var predictions = CsvPredictionsReader.Read(path, "csv-model", _images, classCount: 10, k: 5);

        Assert.Equal(3, predictions.K);
        Assert.Equal([3, 5, -1], predictions.Row(0).ToArray());
        Assert.Equal([7, 4, 2], predictions.Row(1).ToArray());
        Assert.Equal([1, -1, -1], predictions.Row(2).ToArray());
    }

    [Theory]
    [InlineData("image,label,score", "line 1: header is 'image,label,score'")]
    [InlineData("file,label,score\nILSVRC2012_val_00000001.JPEG,3", "line 2: 2 fields, expected 3")]
    [InlineData("file,label,score\nnope.JPEG,3,0.5", "line 2: field 'file': 'nope.JPEG' is not an image")]
    [InlineData("file,label,score\nILSVRC2012_val_00000001.JPEG,cat,0.5", "line 2: field 'label': 'cat' is not a class index in 0..9")]
    [InlineData("file,label,score\nILSVRC2012_val_00000001.JPEG,10,0.5", "field 'label': '10' is not a class index")]
    [InlineData("file,label,score\nILSVRC2012_val_00000001.JPEG,1,high", "line 2: field 'score': 'high' is not a number")]
    [InlineData("file,label,score\nILSVRC2012_val_00000001.JPEG,1,0.5\nILSVRC2012_val_00000001.JPEG,1,0.4", "line 3: label 1 is listed twice")]
    [InlineData("file,label,score\nILSVRC2012_val_00000001.JPEG,1,0.5", "2 of 3 images have no prediction (e.g. ILSVRC2012_val_00000002.JPEG")]
    [InlineData("", "the file is empty")]
    public void Bad_rows_are_named_by_line_field_and_value(string content, string expected)
    {
        var path = _dir.File("bad.csv");
        File.WriteAllText(path, content);

        var ex = Assert.Throws<InvalidDataException>(() => CsvPredictionsReader.Read(path, "m", _images, 10));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_yields_every_prediction_file_as_a_model_named_after_the_file()
    {
        Write("file,label,score", "ILSVRC2012_val_00000001.JPEG,1,1", "ILSVRC2012_val_00000002.JPEG,2,1", "ILSVRC2012_val_00000003.JPEG,3,1");
        File.WriteAllText(_dir.File("notes.txt"), "ignored");

        var files = PredictionFiles.Find(_dir.Path);
        var model = PredictionFiles.Read(files.Single(), _images, 10);

        Assert.Equal("model", model.ModelId);
        Assert.Throws<FileNotFoundException>(() => PredictionFiles.Find(_dir.File("missing")));
        Assert.Throws<InvalidDataException>(() => PredictionFiles.Find(_dir.File("notes.txt")));
    }

    public void Dispose() => _dir.Dispose();

    private string Write(params string[] lines)
    {
        var path = _dir.File("model.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
