using SkiaSharp;

namespace Real.Proposals.Benchmarking;

/// <summary>
/// Photo-like test JPEGs made in memory with SkiaSharp: gradients, shapes and per-pixel noise (so the entropy coder has
/// real work, like a photo's texture), encoded at quality 90: about the size of an average ImageNet JPEG.
/// </summary>
public static class SyntheticJpegs
{
    public static IReadOnlyList<byte[]> Create(int count, int width, int height, int seed)
    {
        var random = new Random(seed);
        var images = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            using (var canvas = new SKCanvas(bitmap))
            {
                using var gradient = new SKPaint
                {
                    Shader = SKShader.CreateLinearGradient(
                        new SKPoint(0, 0), new SKPoint(width, height), [RandomColour(random), RandomColour(random), RandomColour(random)], SKShaderTileMode.Clamp),
                };
                canvas.DrawRect(0, 0, width, height, gradient);
                for (var s = 0; s < 6; s++)
                {
                    using var paint = new SKPaint { Color = RandomColour(random), IsAntialias = true };
                    canvas.DrawCircle(random.Next(width), random.Next(height), 20 + random.Next(80), paint);
                }
            }

            var pixels = bitmap.GetPixelSpan().ToArray();
            for (var p = 0; p < pixels.Length; p += 4)
            {
                var noise = random.Next(-12, 13);
                for (var c = 0; c < 3; c++)
                {
                    pixels[p + c] = (byte)Math.Clamp(pixels[p + c] + noise, 0, 255);
                }
            }

            using var noisy = new SKBitmap(bitmap.Info);
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, noisy.GetPixels(), pixels.Length);
            using var data = noisy.Encode(SKEncodedImageFormat.Jpeg, 90);
            images[i] = data.ToArray();
        }

        return images;
    }

    private static SKColor RandomColour(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
}
