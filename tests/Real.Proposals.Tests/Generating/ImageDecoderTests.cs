using Real.Proposals.Generating.Images;
using Real.Proposals.Tests.Fixtures;
using Real.Testing;

namespace Real.Proposals.Tests.Generating;

public sealed class ImageDecoderTests
{
    [Fact]
    public void Jpeg_decodes_close_to_the_pixels_it_was_encoded_from()
    {
        foreach (var name in GeneratedFixtures.ImageNames)
        {
            using var jpeg = ImageDecoder.Decode(Path.Combine(GeneratedFixtures.ImagesDirectory, name));
            using var png = ImageDecoder.Decode(GeneratedFixtures.File($"png/{Path.GetFileNameWithoutExtension(name)}.png"));
            Assert.Equal((png.Width, png.Height), (jpeg.Width, jpeg.Height));
            double total = 0;
            for (var i = 0; i < png.Rgba.Length; i += 4)
            {
                for (var c = 0; c < 3; c++)
                {
                    total += Math.Abs(png.Rgba[i + c] - jpeg.Rgba[i + c]);
                }
            }

            // Quality-90 JPEG of smooth synthetic images: the mean error is a grey level or two.
            var mean = total / (png.Width * png.Height * 3);
            Assert.True(mean < 3.0, $"{name}: mean absolute error {mean:F2} grey levels against its source pixels.");
        }
    }

    [Fact]
    public void Greyscale_png_becomes_equal_rgb_channels()
    {
        using var image = ImageDecoder.Decode(GeneratedFixtures.File("png/grey.png"));

        Assert.Equal((320, 240), (image.Width, image.Height));
        for (var i = 0; i < image.Rgba.Length; i += 4)
        {
            Assert.True(image.Rgba[i] == image.Rgba[i + 1] && image.Rgba[i] == image.Rgba[i + 2], $"pixel {i / 4} is not grey");
        }
    }

    [Fact]
    public void Alpha_is_not_premultiplied_into_the_colours()
    {
        // PIL's convert("RGB") drops alpha; premultiplying would darken every translucent pixel. Here a half-transparent
        // pixel keeps its colour exactly (a premultiply round trip would give 199, 100, 50). rgba.png, with random alpha
        // down to 0, is covered by the preprocessing reference tests.
        using var dir = new TempDirectory();
        var png = Path.Combine(dir.Path, "alpha.png");
        using (var bitmap = new SkiaSharp.SKBitmap(new SkiaSharp.SKImageInfo(2, 1, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Unpremul)))
        {
            bitmap.SetPixel(0, 0, new SkiaSharp.SKColor(200, 100, 50, 128));
            bitmap.SetPixel(1, 0, new SkiaSharp.SKColor(10, 20, 30, 255));
            using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(png, data.ToArray());
        }

        using var image = ImageDecoder.Decode(png);

        Assert.Equal(new byte[] { 200, 100, 50 }, image.Rgba[..3].ToArray());
        Assert.Equal(new byte[] { 10, 20, 30 }, image.Rgba[4..7].ToArray());
    }

    [Fact]
    public void Truncated_and_foreign_files_are_refused_naming_the_file()
    {
        using var dir = new TempDirectory();
        var jpeg = File.ReadAllBytes(Path.Combine(GeneratedFixtures.ImagesDirectory, GeneratedFixtures.ImageNames[0]));
        var truncated = Path.Combine(dir.Path, "truncated.JPEG");
        File.WriteAllBytes(truncated, jpeg[..(jpeg.Length / 2)]);
        var text = Path.Combine(dir.Path, "notes.png");
        File.WriteAllText(text, "not an image");
        var empty = Path.Combine(dir.Path, "empty.jpg");
        File.WriteAllBytes(empty, []);

        Assert.Contains("truncated.JPEG: decoding failed (IncompleteInput)", Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(truncated)).Message, StringComparison.Ordinal);
        Assert.Contains("notes.png: not a JPEG or PNG image", Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(text)).Message, StringComparison.Ordinal);
        Assert.Contains("empty.jpg: the file is empty", Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(empty)).Message, StringComparison.Ordinal);
    }
}
