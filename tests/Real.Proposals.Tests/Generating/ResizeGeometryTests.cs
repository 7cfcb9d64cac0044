using Real.Contracts.Events.Proposals;
using Real.Proposals.Generating.Preprocessing;

namespace Real.Proposals.Tests.Generating;

public sealed class ResizeGeometryTests
{
    [Theory]
    // torchvision: Resize(256) of 500×375 → 341×256 (int(256·500/375) = 341), CenterCrop(224) at round(117/2) = 58 (half to even), 16.
    [InlineData(500, 375, 341, 256, 58, 16)]
    [InlineData(375, 500, 256, 341, 16, 58)]
    [InlineData(256, 256, 256, 256, 16, 16)]
    // 257×231 → 284×256: left round(60/2) = 30; a 231-pixel side is upscaled.
    [InlineData(257, 231, 284, 256, 30, 16)]
    // 300×257 → 298×256: left round(74/2) = 37.
    [InlineData(300, 257, 298, 256, 37, 16)]
    // 259×256 → 259×256: left round(35/2) = round(17.5) = 18 (half to even).
    [InlineData(259, 256, 259, 256, 18, 16)]
    // 261×256: left round(18.5) = 18 (half to even, not 19).
    [InlineData(261, 256, 261, 256, 18, 16)]
    public void Matches_torchvision_sizes_and_rounding(int width, int height, int resizedWidth, int resizedHeight, int left, int top)
    {
        var geometry = ResizeGeometry.For(width, height, ImagePreprocessing.ImageNetDefault);

        Assert.Equal(new ResizeGeometry(resizedWidth, resizedHeight, left, top), geometry);
    }
}
