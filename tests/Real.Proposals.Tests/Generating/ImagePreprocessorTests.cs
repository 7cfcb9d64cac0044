using Real.Contracts.Events.Proposals;
using Real.Proposals.Generating.Images;
using Real.Proposals.Generating.Preprocessing;
using Real.Proposals.Tests.Fixtures;

namespace Real.Proposals.Tests.Generating;

/// <summary>
/// The tensors must equal the script's numpy restatement of torchvision (float64) within <see cref="Tolerance"/>.
/// Why that tolerance: our resize accumulates in float32; the largest error of a 4- to 8-tap float32 sum of values up
/// to 255 is about 255 · 8 · 2⁻²⁴ ≈ 1.2e-4 grey levels, i.e. about 2e-6 after dividing by 255 · std (≈ 57), plus the
/// float32 rounding of the result itself (|x| ≤ 2.7 → ≈ 2.4e-7). 1e-4 leaves a wide margin for that and still fails on
/// any semantic slip (an off-by-one crop or window is worth about 1e-2 on these images).
/// </summary>
public sealed class ImagePreprocessorTests
{
    private const float Tolerance = 1e-4f;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in GeneratedFixtures.Manifest.GetProperty("preprocess").EnumerateArray())
        {
            data.Add(c.GetProperty("file").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_numpy_reference_of_torchvision(string referenceFile)
    {
        var c = GeneratedFixtures.Manifest.GetProperty("preprocess").EnumerateArray().Single(e => e.GetProperty("file").GetString() == referenceFile);
        var settings = ImagePreprocessing.ImageNetDefault with
        {
            ResizeShorterSide = c.GetProperty("resize").GetInt32(),
            CropHeight = c.GetProperty("crop").GetInt32(),
            CropWidth = c.GetProperty("crop").GetInt32(),
            Interpolation = Enum.Parse<ResizeInterpolation>(c.GetProperty("interpolation").GetString()!, ignoreCase: true),
            Antialias = c.GetProperty("antialias").GetBoolean(),
        };
        var preprocessor = new ImagePreprocessor(settings);
        var expected = GeneratedFixtures.ReadFloats(referenceFile);
        var actual = new float[preprocessor.TensorLength];

        using (var image = ImageDecoder.Decode(GeneratedFixtures.File(c.GetProperty("png").GetString()!)))
        {
            preprocessor.Preprocess(image, actual);
        }

        Assert.Equal(expected.Length, actual.Length);
        var worst = Enumerable.Range(0, expected.Length).MaxBy(i => Math.Abs(expected[i] - actual[i]));
        Assert.True(
            Math.Abs(expected[worst] - actual[worst]) <= Tolerance,
            $"{referenceFile}: element {worst} is {actual[worst]} but the reference has {expected[worst]} (tolerance {Tolerance}).");
    }

    [Fact]
    public void Bgr_and_nhwc_are_permutations_of_rgb_nchw()
    {
        var rgb = new ImagePreprocessor(ImagePreprocessing.ImageNetDefault);
        var bgrNhwc = new ImagePreprocessor(ImagePreprocessing.ImageNetDefault with { ChannelOrder = ChannelOrder.Bgr, Layout = TensorLayout.Nhwc });
        var a = new float[rgb.TensorLength];
        var b = new float[rgb.TensorLength];
        using (var image = ImageDecoder.Decode(GeneratedFixtures.File("png/odd.png")))
        {
            rgb.Preprocess(image, a);
            bgrNhwc.Preprocess(image, b);
        }

        const int plane = 224 * 224;
        for (var p = 0; p < plane; p++)
        {
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(a[(c * plane) + p], b[(p * 3) + (2 - c)]);
            }
        }
    }

    [Fact]
    public void Unscaled_input_range_keeps_values_in_0_to_255_before_normalising()
    {
        var settings = ImagePreprocessing.ImageNetDefault with { ScaleToUnit = false, Mean = [0f, 0f, 0f], Std = [1f, 1f, 1f] };
        var preprocessor = new ImagePreprocessor(settings);
        var flat = Enumerable.Repeat((byte)200, 300 * 300 * 3).ToArray();
        using var image = DecodedImage.FromRgb(300, 300, flat);
        var tensor = new float[preprocessor.TensorLength];

        preprocessor.Preprocess(image, tensor);

        Assert.All(tensor, v => Assert.Equal(200f, v, 3));
    }

    [Fact]
    public void Invalid_settings_are_refused_with_every_problem_named()
    {
        var settings = ImagePreprocessing.ImageNetDefault with { ResizeShorterSide = 200, Std = [0.2f, 0f, 0.2f] };

        var error = Assert.Throws<ArgumentException>(() => new ImagePreprocessor(settings));

        Assert.Contains("crop 224×224 is larger than the resized shorter side 200", error.Message, StringComparison.Ordinal);
        Assert.Contains("std", error.Message, StringComparison.Ordinal);
    }
}
