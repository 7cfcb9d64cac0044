namespace Real.Contracts.Events.Proposals;

/// <summary>
/// How an image becomes the model's input, in torchvision's terms:
/// <c>Resize(ResizeShorterSide, Interpolation, antialias=Antialias)</c> → <c>CenterCrop(CropHeight, CropWidth)</c> →
/// <c>ToTensor()</c> (values / 255 when <see cref="ScaleToUnit"/>) → <c>Normalize(Mean, Std)</c>, channels in
/// <see cref="ChannelOrder"/>, laid out as <see cref="Layout"/>. The defaults are the usual ImageNet evaluation
/// transform (timm's with crop_pct 0.875). <see cref="Mean"/> and <see cref="Std"/> are given in RGB order whatever
/// the channel order of the tensor.
/// </summary>
public sealed record ImagePreprocessing
{
    public int ResizeShorterSide { get; init; } = 256;

    public int CropHeight { get; init; } = 224;

    public int CropWidth { get; init; } = 224;

    public ResizeInterpolation Interpolation { get; init; } = ResizeInterpolation.Bilinear;

    /// <summary>Low-pass filter when downscaling, as PIL does and torchvision's tensor path does since 0.17 (its default).</summary>
    public bool Antialias { get; init; } = true;

    public IReadOnlyList<float> Mean { get; init; } = [0.485f, 0.456f, 0.406f];

    public IReadOnlyList<float> Std { get; init; } = [0.229f, 0.224f, 0.225f];

    /// <summary>Divide pixel values by 255 before normalising (ToTensor); false for models fed 0..255 values.</summary>
    public bool ScaleToUnit { get; init; } = true;

    public ChannelOrder ChannelOrder { get; init; } = ChannelOrder.Rgb;

    public TensorLayout Layout { get; init; } = TensorLayout.Nchw;

    /// <summary>The usual ImageNet evaluation transform: Resize(256, bilinear, antialias) + CenterCrop(224), ImageNet mean/std.</summary>
    public static ImagePreprocessing ImageNetDefault { get; } = new();

    /// <summary>
    /// Checks the values against each other and returns the problems, one sentence each (empty when valid).
    /// A record from the log is trusted; this is for what a user registers.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ResizeShorterSide < 1)
        {
            problems.Add($"resize shorter side must be at least 1 (got {ResizeShorterSide})");
        }

        if (CropHeight < 1 || CropWidth < 1)
        {
            problems.Add($"crop size must be at least 1×1 (got {CropHeight}×{CropWidth})");
        }

        if (Math.Min(CropHeight, CropWidth) > ResizeShorterSide)
        {
            problems.Add($"crop {CropHeight}×{CropWidth} is larger than the resized shorter side {ResizeShorterSide}");
        }

        if (Mean.Count != 3 || Std.Count != 3)
        {
            problems.Add($"mean and std need 3 values each (got {Mean.Count} and {Std.Count})");
        }
        else if (Std.Any(s => !(s > 0) || float.IsInfinity(s)))
        {
            problems.Add($"every std value must be a positive number (got {string.Join(", ", Std)})");
        }
        else if (Mean.Any(m => !float.IsFinite(m)))
        {
            problems.Add($"every mean value must be a finite number (got {string.Join(", ", Mean)})");
        }

        return problems;
    }
}
