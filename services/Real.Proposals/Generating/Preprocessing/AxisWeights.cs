using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Generating.Preprocessing;

/// <summary>
/// Resampling weights along one axis, for a window of outputs: output <c>o</c> (0-based inside the window) is
/// <c>Σ_t Weights[o × Taps + t] · source[First[o] + t]</c>. Every output has the same number of taps (unused ones are 0)
/// and every window lies inside the source, so the inner loops need no bounds logic.
/// <para>
/// The weights are torchvision's (the tensor path of <c>F.resize</c>, i.e. aten's kernels), in float64:
/// with antialias, <c>_upsample_bilinear2d_aa</c>/<c>_upsample_bicubic2d_aa</c>, which follow PIL's ImagingResample
/// (a triangle or a = −0.5 cubic filter stretched by the downscale factor, truncated to the image and renormalised);
/// without, <c>upsample_bilinear2d</c> (align_corners=False, negative source coordinates clamped to 0) and
/// <c>upsample_bicubic2d</c> (a = −0.75, four taps, indices clamped to the edge); nearest is aten's legacy
/// <c>upsample_nearest2d</c>: floor(dst × scale).
/// </para>
/// </summary>
public sealed class AxisWeights
{
    private AxisWeights(int[] first, float[] weights, int taps)
    {
        First = first;
        Weights = weights;
        Taps = taps;
    }

    public int[] First { get; }

    public float[] Weights { get; }

    public int Taps { get; }

    public int Count => First.Length;

    /// <summary>Weights for outputs <paramref name="outStart"/>..<paramref name="outStart"/>+<paramref name="outCount"/> of resizing <paramref name="inSize"/> to <paramref name="outSize"/>.</summary>
    public static AxisWeights Compute(int inSize, int outSize, int outStart, int outCount, ResizeInterpolation interpolation, bool antialias)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outSize, 1);
        if (outStart < 0 || outCount < 1 || outStart + outCount > outSize)
        {
            throw new ArgumentOutOfRangeException(nameof(outStart), $"Outputs {outStart}..{outStart + outCount} are not inside 0..{outSize}.");
        }

        var scale = (double)inSize / outSize;
        var windows = new (int Start, double[] Weights)[outCount];
        for (var i = 0; i < outCount; i++)
        {
            var o = outStart + i;
            windows[i] = interpolation switch
            {
                ResizeInterpolation.Nearest => (Math.Min((int)Math.Floor(o * scale), inSize - 1), [1.0]),
                _ when antialias => Antialiased(o, inSize, scale, interpolation),
                ResizeInterpolation.Bilinear => Bilinear(o, inSize, scale),
                ResizeInterpolation.Bicubic => Bicubic(o, inSize, scale),
                _ => throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, "Unknown interpolation."),
            };
        }

        var taps = windows.Max(w => w.Weights.Length);
        var first = new int[outCount];
        var weights = new float[outCount * taps];
        for (var i = 0; i < outCount; i++)
        {
            var (start, ws) = windows[i];
            // Shift windows that would run past the end left; the weights keep their source positions.
            var begin = Math.Min(start, inSize - taps);
            first[i] = begin;
            for (var t = 0; t < ws.Length; t++)
            {
                weights[(i * taps) + (start - begin) + t] = (float)ws[t];
            }
        }

        return new AxisWeights(first, weights, taps);
    }

    /// <summary>PIL / aten _upsample_*_aa: filter support widened by the downscale factor, weights renormalised.</summary>
    private static (int, double[]) Antialiased(int o, int inSize, double scale, ResizeInterpolation interpolation)
    {
        var baseSupport = interpolation == ResizeInterpolation.Bicubic ? 2.0 : 1.0;
        var support = scale >= 1.0 ? baseSupport * scale : baseSupport;
        var invScale = scale >= 1.0 ? 1.0 / scale : 1.0;
        var center = scale * (o + 0.5);
        var min = Math.Max((int)(center - support + 0.5), 0);
        var max = Math.Min((int)(center + support + 0.5), inSize);
        var ws = new double[Math.Max(max - min, 1)];
        var total = 0.0;
        for (var j = 0; j < max - min; j++)
        {
            var x = (j + min - center + 0.5) * invScale;
            ws[j] = interpolation == ResizeInterpolation.Bicubic ? Cubic(x, -0.5) : Math.Max(0.0, 1.0 - Math.Abs(x));
            total += ws[j];
        }

        if (total != 0.0)
        {
            for (var j = 0; j < ws.Length; j++)
            {
                ws[j] /= total;
            }
        }

        return (min, ws);
    }

    /// <summary>aten upsample_bilinear2d, align_corners=False.</summary>
    private static (int, double[]) Bilinear(int o, int inSize, double scale)
    {
        var src = Math.Max((scale * (o + 0.5)) - 0.5, 0.0);
        var i0 = (int)src;
        var l1 = src - i0;
        return i0 < inSize - 1 ? (i0, [1.0 - l1, l1]) : (i0, [1.0]);
    }

    /// <summary>aten upsample_bicubic2d, align_corners=False: taps at floor(src) − 1 .. + 2, clamped to the edge.</summary>
    private static (int, double[]) Bicubic(int o, int inSize, double scale)
    {
        var src = (scale * (o + 0.5)) - 0.5;
        var i0 = (int)Math.Floor(src);
        var t = src - i0;
        var lo = Math.Clamp(i0 - 1, 0, inSize - 1);
        var hi = Math.Clamp(i0 + 2, 0, inSize - 1);
        var ws = new double[hi - lo + 1];
        for (var d = -1; d <= 2; d++)
        {
            ws[Math.Clamp(i0 + d, 0, inSize - 1) - lo] += Cubic(t - d, -0.75);
        }

        return (lo, ws);
    }

    /// <summary>Keys' cubic convolution kernel with parameter <paramref name="a"/>.</summary>
    private static double Cubic(double x, double a)
    {
        x = Math.Abs(x);
        return x < 1.0 ? ((((a + 2.0) * x) - (a + 3.0)) * x * x) + 1.0
            : x < 2.0 ? ((((x - 5.0) * x) + 8.0) * x - 4.0) * a
            : 0.0;
    }
}
