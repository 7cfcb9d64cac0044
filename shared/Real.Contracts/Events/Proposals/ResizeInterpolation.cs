namespace Real.Contracts.Events.Proposals;

/// <summary>
/// The resampling filter of the resize step, named as torchvision's InterpolationMode. Serialized in camelCase.
/// </summary>
public enum ResizeInterpolation
{
    /// <summary>Linear in x and y (torchvision's default for classification evaluation).</summary>
    Bilinear = 0,

    /// <summary>Cubic convolution: a = -0.5 with antialias (as PIL), a = -0.75 without (as aten's upsample_bicubic2d); timm's usual choice.</summary>
    Bicubic = 1,

    /// <summary>torchvision's legacy "nearest": source index floor(dst × scale).</summary>
    Nearest = 2,
}
