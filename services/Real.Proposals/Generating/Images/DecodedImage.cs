using System.Buffers;

namespace Real.Proposals.Generating.Images;

/// <summary>
/// Decoded pixels, RGBA 8-bit unpremultiplied (4 bytes a pixel, rows packed), in a buffer rented from the shared
/// pool: dispose returns it. Alpha is ignored downstream, as PIL's <c>convert("RGB")</c> drops it.
/// </summary>
public sealed class DecodedImage : IDisposable
{
    private byte[]? _pixels;

    internal DecodedImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public ReadOnlySpan<byte> Rgba => (_pixels ?? throw new ObjectDisposedException(nameof(DecodedImage))).AsSpan(0, Width * Height * 4);

    /// <summary>An image from RGB bytes (3 a pixel), for tests and benchmarks that make pixels themselves.</summary>
    public static DecodedImage FromRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (rgb.Length != width * height * 3)
        {
            throw new ArgumentException($"Expected {width * height * 3} RGB bytes for {width}×{height}, got {rgb.Length}.", nameof(rgb));
        }

        var pixels = ArrayPool<byte>.Shared.Rent(width * height * 4);
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            pixels[j] = rgb[i];
            pixels[j + 1] = rgb[i + 1];
            pixels[j + 2] = rgb[i + 2];
            pixels[j + 3] = 255;
        }

        return new DecodedImage(width, height, pixels);
    }

    public void Dispose()
    {
        if (_pixels is { } pixels)
        {
            _pixels = null;
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }
}
