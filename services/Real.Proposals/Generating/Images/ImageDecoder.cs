using System.Buffers;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Real.Proposals.Generating.Images;

/// <summary>
/// Decodes JPEG and PNG files with SkiaSharp (libjpeg-turbo, libpng) to 8-bit RGBA. Like torchvision's default loader
/// (PIL <c>Image.open(f).convert("RGB")</c>) it applies no colour management (no ICC conversion: the destination
/// has no colour space) and ignores EXIF orientation; greyscale becomes R = G = B, alpha is dropped later.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Decodes a file; a file that is not a readable JPEG/PNG throws <see cref="InvalidDataException"/> naming it.</summary>
    public static DecodedImage Decode(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the file ({ex.Message}).", ex);
        }

        return Decode(bytes, path);
    }

    /// <summary>Decodes encoded bytes; <paramref name="source"/> names them in errors.</summary>
    public static DecodedImage Decode(ReadOnlySpan<byte> encoded, string source)
    {
        if (encoded.IsEmpty)
        {
            throw new InvalidDataException($"{source}: the file is empty.");
        }

        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new InvalidDataException($"{source}: not a JPEG or PNG image SkiaSharp can read.");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
        {
            throw new InvalidDataException($"{source}: {codec.EncodedFormat} images are not supported (JPEG and PNG are).");
        }

        var width = codec.Info.Width;
        var height = codec.Info.Height;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = ArrayPool<byte>.Shared.Rent(info.BytesSize);
        try
        {
            SKCodecResult result;
            var pin = GCHandle.Alloc(pixels, GCHandleType.Pinned);
            try
            {
                result = codec.GetPixels(info, pin.AddrOfPinnedObject());
            }
            finally
            {
                pin.Free();
            }

            // IncompleteInput: a truncated file. Skia fills the rest with zeros; torchvision's PIL would fail, so do we.
            if (result != SKCodecResult.Success)
            {
                throw new InvalidDataException($"{source}: decoding failed ({result}).");
            }

            return new DecodedImage(width, height, pixels);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(pixels);
            throw;
        }
    }
}
