using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Generating.Preprocessing;

/// <summary>Where Resize(shorter side) + CenterCrop put an image of a given size, with torchvision's rounding.</summary>
public readonly record struct ResizeGeometry(int ResizedWidth, int ResizedHeight, int CropLeft, int CropTop)
{
    public static ResizeGeometry For(int width, int height, ImagePreprocessing settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // torchvision _compute_resized_output_size: new_long = int(size * long / short), truncated.
        var size = settings.ResizeShorterSide;
        int resizedWidth, resizedHeight;
        if (width <= height)
        {
            resizedWidth = size;
            resizedHeight = (int)((double)size * height / width);
        }
        else
        {
            resizedHeight = size;
            resizedWidth = (int)((double)size * width / height);
        }

        // torchvision center_crop: int(round((size - crop) / 2.0)), Python's round = half to even.
        var top = (int)Math.Round((resizedHeight - settings.CropHeight) / 2.0, MidpointRounding.ToEven);
        var left = (int)Math.Round((resizedWidth - settings.CropWidth) / 2.0, MidpointRounding.ToEven);
        return new ResizeGeometry(resizedWidth, resizedHeight, left, top);
    }
}
