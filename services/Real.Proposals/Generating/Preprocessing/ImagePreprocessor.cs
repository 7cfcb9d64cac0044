using System.Buffers;
using System.Numerics;
using Real.Contracts.Events.Proposals;
using Real.Proposals.Generating.Images;

namespace Real.Proposals.Generating.Preprocessing;

/// <summary>
/// Turns decoded pixels into one model input, exactly as torchvision's evaluation transform does:
/// Resize(shorter side) → CenterCrop → ToTensor → Normalize (see <see cref="ImagePreprocessing"/>). The resize is
/// separable and computed only for the pixels the crop keeps, in float32 without rounding to 8 bits in between
/// (torchvision's tensor path; PIL rounds each pass to uint8, a difference of at most about one grey level).
/// Thread-safe: every call uses its own buffers.
/// </summary>
public sealed class ImagePreprocessor
{
    private readonly ImagePreprocessing _settings;
    private readonly float[] _multiply = new float[3];
    private readonly float[] _add = new float[3];
    private readonly int[] _sourceChannel = new int[3];

    public ImagePreprocessor(ImagePreprocessing settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid preprocessing: {string.Join("; ", problems)}.", nameof(settings));
        }

        _settings = settings;
        var pixelScale = settings.ScaleToUnit ? 1.0 / 255.0 : 1.0;
        for (var c = 0; c < 3; c++)
        {
            // Tensor channel c holds source channel _sourceChannel[c]; mean/std are given in RGB order.
            var source = settings.ChannelOrder == ChannelOrder.Bgr ? 2 - c : c;
            _sourceChannel[c] = source;
            _multiply[c] = (float)(pixelScale / settings.Std[source]);
            _add[c] = (float)(-settings.Mean[source] / settings.Std[source]);
        }
    }

    public ImagePreprocessing Settings => _settings;

    /// <summary>Floats in one image's tensor: 3 × crop height × crop width.</summary>
    public int TensorLength => 3 * _settings.CropHeight * _settings.CropWidth;

    /// <summary>Writes the image's tensor (CHW or HWC as configured) to <paramref name="destination"/>[0..TensorLength).</summary>
    public void Preprocess(DecodedImage image, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (destination.Length < TensorLength)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; one image needs {TensorLength}.", nameof(destination));
        }

        var cropWidth = _settings.CropWidth;
        var cropHeight = _settings.CropHeight;
        var geometry = ResizeGeometry.For(image.Width, image.Height, _settings);
        var horizontal = AxisWeights.Compute(image.Width, geometry.ResizedWidth, geometry.CropLeft, cropWidth, _settings.Interpolation, _settings.Antialias);
        var vertical = AxisWeights.Compute(image.Height, geometry.ResizedHeight, geometry.CropTop, cropHeight, _settings.Interpolation, _settings.Antialias);

        // Source rows the vertical pass reads: the horizontal pass runs on these only.
        var firstRow = vertical.First[0];
        var lastRow = vertical.First[^1] + vertical.Taps;
        var rowStride = cropWidth * 3;
        var rows = ArrayPool<float>.Shared.Rent((lastRow - firstRow) * rowStride);
        var line = ArrayPool<float>.Shared.Rent(rowStride);
        try
        {
            HorizontalPass(image, horizontal, firstRow, lastRow, rows);
            for (var y = 0; y < cropHeight; y++)
            {
                var acc = line.AsSpan(0, rowStride);
                acc.Clear();
                var offset = y * vertical.Taps;
                for (var t = 0; t < vertical.Taps; t++)
                {
                    var w = vertical.Weights[offset + t];
                    if (w != 0f)
                    {
                        var source = rows.AsSpan((vertical.First[y] + t - firstRow) * rowStride, rowStride);
                        MultiplyAdd(source, w, acc);
                    }
                }

                WriteRow(acc, y, destination);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rows);
            ArrayPool<float>.Shared.Return(line);
        }
    }

    private static void HorizontalPass(DecodedImage image, AxisWeights horizontal, int firstRow, int lastRow, float[] rows)
    {
        var pixels = image.Rgba;
        var stride = image.Width * 4;
        var taps = horizontal.Taps;
        var first = horizontal.First;
        var weights = horizontal.Weights;
        var outputs = horizontal.Count;
        for (var r = firstRow; r < lastRow; r++)
        {
            var src = pixels.Slice(r * stride, stride);
            var dst = rows.AsSpan((r - firstRow) * outputs * 3, outputs * 3);
            for (var x = 0; x < outputs; x++)
            {
                float red = 0f, green = 0f, blue = 0f;
                var p = first[x] * 4;
                var k = x * taps;
                for (var t = 0; t < taps; t++, p += 4)
                {
                    var w = weights[k + t];
                    red += src[p] * w;
                    green += src[p + 1] * w;
                    blue += src[p + 2] * w;
                }

                dst[x * 3] = red;
                dst[(x * 3) + 1] = green;
                dst[(x * 3) + 2] = blue;
            }
        }
    }

    private static void MultiplyAdd(ReadOnlySpan<float> source, float weight, Span<float> accumulator)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<float>.Count)
        {
            var w = new Vector<float>(weight);
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var acc = new Vector<float>(accumulator[i..]);
                (acc + (new Vector<float>(source[i..]) * w)).CopyTo(accumulator[i..]);
            }
        }

        for (; i < source.Length; i++)
        {
            accumulator[i] += source[i] * weight;
        }
    }

    /// <summary>Normalises one interleaved RGB row of the crop and stores it in the tensor's layout and channel order.</summary>
    private void WriteRow(ReadOnlySpan<float> rgb, int y, Span<float> destination)
    {
        var width = _settings.CropWidth;
        var plane = _settings.CropHeight * width;
        if (_settings.Layout == TensorLayout.Nchw)
        {
            for (var c = 0; c < 3; c++)
            {
                var source = _sourceChannel[c];
                var multiply = _multiply[c];
                var add = _add[c];
                var dst = destination.Slice((c * plane) + (y * width), width);
                for (var x = 0; x < width; x++)
                {
                    dst[x] = (rgb[(x * 3) + source] * multiply) + add;
                }
            }
        }
        else
        {
            var dst = destination.Slice(y * width * 3, width * 3);
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    dst[(x * 3) + c] = (rgb[(x * 3) + _sourceChannel[c]] * _multiply[c]) + _add[c];
                }
            }
        }
    }
}
