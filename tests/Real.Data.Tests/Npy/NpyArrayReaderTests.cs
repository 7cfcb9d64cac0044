using Real.Data.Npy;
using Real.Testing.Npy;

namespace Real.Data.Tests.Npy;

public sealed class NpyArrayReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Reads_every_header_version(int version)
    {
        var bytes = NpyWriter.Array("<f8", [2, 3], new[] { 1.0, 2, 3, 4, 5, 6 }, version);

        var array = NpyFile.Read<double>(new MemoryStream(bytes), "a.npy");

        Assert.Equal(version, array.Header.MajorVersion);
        Assert.Equal([2L, 3L], array.Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], array.Data);
    }

    [Fact]
    public void Reads_every_supported_numeric_dtype()
    {
        Assert.Equal([1.5f, -2f], Read<float>(NpyWriter.Array("<f4", [2], new[] { 1.5f, -2f })));
        Assert.Equal([(Half)0.5, (Half)(-3)], Read<Half>(NpyWriter.Array("<f2", [2], new[] { (Half)0.5, (Half)(-3) })));
        Assert.Equal([long.MaxValue, -1L], Read<long>(NpyWriter.Array("<i8", [2], new[] { long.MaxValue, -1L })));
        Assert.Equal([int.MinValue, 7], Read<int>(NpyWriter.Array("<i4", [2], new[] { int.MinValue, 7 })));
        Assert.Equal([(byte)0, (byte)255], Read<byte>(NpyWriter.Array("|u1", [2], new byte[] { 0, 255 })));
        // numpy treats any non-zero byte as True.
        Assert.Equal([false, true, true], Read<bool>(NpyWriter.Array("|b1", [3], new byte[] { 0, 1, 7 })));
    }

    [Fact]
    public void Reads_fixed_width_unicode_strings_including_non_ascii()
    {
        var bytes = NpyWriter.Strings(["ILSVRC2012_val_00000001.JPEG", "556", "", "café ✓"], [2, 2], 28);

        var array = NpyFile.ReadStrings(new MemoryStream(bytes), "info.npy");

        Assert.Equal(["ILSVRC2012_val_00000001.JPEG", "556", "", "café ✓"], array.Data);
        Assert.Equal(NpyKind.Unicode, array.Header.DType.Kind);
        Assert.Equal(28, array.Header.DType.StringLength);
    }

    [Fact]
    public void Streams_an_array_in_slices()
    {
        var data = Enumerable.Range(0, 12).Select(i => (double)i).ToArray();
        using var reader = NpyArrayReader.Open(new MemoryStream(NpyWriter.Array("<f8", [3, 4], data)), "t.npy");
        var slice = new double[4];

        reader.Read<double>(slice);
        reader.Read<double>(slice);

        Assert.Equal([4.0, 5, 6, 7], slice);
        Assert.Equal(4, reader.Remaining);
        Assert.Throws<InvalidOperationException>(() => reader.Read<double>(new double[5]));
    }

    [Fact]
    public void Reads_zero_dimensional_and_empty_arrays()
    {
        Assert.Equal([42L], Read<long>(NpyWriter.Array("<i8", [], new[] { 42L })));
        Assert.Empty(Read<long>(NpyWriter.Array("<i8", [0, 3], System.Array.Empty<long>())));
    }

    [Fact]
    public void Bad_magic_is_rejected_naming_the_source()
    {
        var bytes = NpyWriter.Array("<f8", [1], new[] { 1.0 });
        bytes[1] = (byte)'X';

        var error = Assert.Throws<InvalidDataException>(() => NpyFile.Read<double>(new MemoryStream(bytes), "broken.npy"));

        Assert.Contains("broken.npy", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad magic", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<c16")]
    [InlineData(">f8")]
    [InlineData("<u8")]
    [InlineData("|O")]
    [InlineData("<M8[ns]")]
    public void Unsupported_dtypes_are_rejected_by_name(string descr)
    {
        var bytes = NpyWriter.Raw(NpyWriter.HeaderDict(descr, [1]), new byte[16]);

        var error = Assert.Throws<InvalidDataException>(() => NpyFile.Read<double>(new MemoryStream(bytes), "x.npy"));

        Assert.Contains($"unsupported dtype '{descr}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Structured_dtypes_fortran_order_and_bad_versions_are_rejected()
    {
        var structured = NpyWriter.Raw("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        var fortran = NpyWriter.Raw(NpyWriter.HeaderDict("<f8", [2, 2], fortranOrder: true), new byte[32]);
        var version9 = NpyWriter.Array("<f8", [1], new[] { 1.0 });
        version9[6] = 9;

        Assert.Contains("structured", Reject(structured).Message, StringComparison.Ordinal);
        Assert.Contains("Fortran-order", Reject(fortran).Message, StringComparison.Ordinal);
        Assert.Contains("version 9.0", Reject(version9).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False}")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1), }")]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (2,), }")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2,")]
    [InlineData("not a dict")]
    public void Malformed_headers_are_rejected(string header)
    {
        var error = Reject(NpyWriter.Raw(header, new byte[16]));

        Assert.Contains("x.npy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_data_says_how_many_bytes_were_expected_and_present()
    {
        var bytes = NpyWriter.Array("<f8", [2, 3], new double[6]);

        var error = Reject(bytes[..^10]);

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("48 data bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("38", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_header_is_rejected()
    {
        var bytes = NpyWriter.Array("<f8", [2], new double[2]);

        var error = Reject(bytes[..20]);

        Assert.Contains("truncated while reading the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requesting_the_wrong_element_type_or_shape_is_an_error()
    {
        var bytes = NpyWriter.Array("<f4", [2, 3], new float[6]);

        Assert.Contains("dtype is <f4", Reject(bytes).Message, StringComparison.Ordinal);
        using var reader = NpyArrayReader.Open(new MemoryStream(bytes), "s.npy");
        var error = Assert.Throws<InvalidDataException>(() => reader.Header.RequireShape(2, 4));
        Assert.Contains("shape is (2, 3) but (2, 4) was expected", error.Message, StringComparison.Ordinal);
        Assert.Same(reader.Header, reader.Header.RequireShape(null, 3));
    }

    [Fact]
    public void A_missing_file_is_reported_by_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() => NpyFile.Read<double>("/nonexistent/a.npy"));

        Assert.Contains("/nonexistent/a.npy", error.Message, StringComparison.Ordinal);
    }

    private static T[] Read<T>(byte[] bytes)
        where T : unmanaged => NpyFile.Read<T>(new MemoryStream(bytes), "x.npy").Data;

    private static InvalidDataException Reject(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => NpyFile.Read<double>(new MemoryStream(bytes), "x.npy"));
}
