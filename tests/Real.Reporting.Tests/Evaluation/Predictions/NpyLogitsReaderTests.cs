using Real.Reporting.Evaluation.Predictions;
using Real.Reporting.Tests.Support;
using Real.Testing;

namespace Real.Reporting.Tests.Evaluation.Predictions;

public sealed class NpyLogitsReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("real-npy");

    private static readonly float[,] Logits =
    {
        { 0.1f, 2.0f, -1.0f, 0.5f, 3.0f, 0.0f },
        { 5.0f, 5.0f, 1.0f, -2.0f, 0.0f, 4.0f },   // a tie: class 0 ranks before class 1
        { -3.0f, -2.0f, -1.0f, -4.0f, -5.0f, -6.0f },
    };

    [Fact]
    public void Float32_rows_become_top_k_class_indices_best_first()
    {
        var path = _dir.File("m.npy");
        NpyWriter.WriteFloat32(path, Logits);

        var predictions = NpyLogitsReader.Read(path, "m", expectedImages: 3, classCount: 6, k: 3);

        Assert.Equal("m", predictions.ModelId);
        Assert.Equal([4, 1, 3], predictions.Row(0).ToArray());
        Assert.Equal([0, 1, 5], predictions.Row(1).ToArray());
        Assert.Equal([2, 1, 0], predictions.Row(2).ToArray());
    }

    [Fact]
    public void Float16_files_read_the_same_as_float32()
    {
        NpyWriter.WriteFloat16(_dir.File("h.npy"), Logits);
        NpyWriter.WriteFloat32(_dir.File("f.npy"), Logits);

        var half = NpyLogitsReader.Read(_dir.File("h.npy"), "h", 3, 6, 5);
        var single = NpyLogitsReader.Read(_dir.File("f.npy"), "f", 3, 6, 5);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(single.Row(i).ToArray(), half.Row(i).ToArray());
        }

        Assert.Equal([4, 1, 3, 0, 5], single.Row(0).ToArray());
    }

    [Fact]
    public void K_larger_than_the_class_count_is_capped()
    {
        NpyWriter.WriteFloat32(_dir.File("m.npy"), Logits);

        Assert.Equal(6, NpyLogitsReader.Read(_dir.File("m.npy"), "m", 3, 6, 10).K);
    }

    [Theory]
    [InlineData(4, 6, "3 rows, but the data set has 4 images")]
    [InlineData(3, 7, "6 columns, but the data set has 7 classes")]
    public void A_shape_that_does_not_fit_the_data_set_is_named(int images, int classes, string expected)
    {
        NpyWriter.WriteFloat32(_dir.File("m.npy"), Logits);

        var ex = Assert.Throws<InvalidDataException>(() => NpyLogitsReader.Read(_dir.File("m.npy"), "m", images, classes));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("m.npy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_files_get_clear_errors()
    {
        File.WriteAllText(_dir.File("text.npy"), "file,label,score\n");
        NpyWriter.WriteRaw(_dir.File("int.npy"), NpyWriter.Header("<i8", false, 3, 6), new byte[3 * 6 * 8]);
        NpyWriter.WriteRaw(_dir.File("fortran.npy"), NpyWriter.Header("<f4", true, 3, 6), new byte[3 * 6 * 4]);
        NpyWriter.WriteRaw(_dir.File("3d.npy"), NpyWriter.Header("<f4", false, 3, 6, 1), new byte[3 * 6 * 4]);
        NpyWriter.WriteRaw(_dir.File("short.npy"), NpyWriter.Header("<f4", false, 3, 6), new byte[(3 * 6 * 4) - 1]);
        NpyWriter.WriteFloat32(_dir.File("big.npy"), Logits, bigEndian: true);

        Assert.Contains("not a .npy array", Read("text.npy"), StringComparison.Ordinal);
        Assert.Contains("dtype '<i8' is not supported", Read("int.npy"), StringComparison.Ordinal);
        Assert.Contains("Fortran", Read("fortran.npy"), StringComparison.Ordinal);
        Assert.Contains("unsupported dtype '>f4'", Read("big.npy"), StringComparison.Ordinal);
        Assert.Contains("is not 2-D", Read("3d.npy"), StringComparison.Ordinal);
        Assert.Contains("truncated", Read("short.npy"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_is_named_by_row_and_column()
    {
        var values = (float[,])Logits.Clone();
        values[2, 4] = float.NaN;
        NpyWriter.WriteFloat32(_dir.File("nan.npy"), values);

        Assert.Contains("row 2 (image 3), column 4", Read("nan.npy"), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private string Read(string name) =>
        Assert.Throws<InvalidDataException>(() => NpyLogitsReader.Read(_dir.File(name), "m", 3, 6)).Message;
}
