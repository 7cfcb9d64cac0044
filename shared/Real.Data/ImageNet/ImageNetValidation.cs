using System.Globalization;

namespace Real.Data.ImageNet;

/// <summary>Naming of the ILSVRC-2012 validation images: image i (0-based) is ILSVRC2012_val_{i+1:D8}.JPEG.</summary>
public static class ImageNetValidation
{
    public const int ImageCount = 50_000;

    public static string ImageFileName(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"ILSVRC2012_val_{index + 1:D8}.JPEG");

    /// <summary>The 0-based index of a validation file name, or -1 when the name is not one.</summary>
    public static int IndexOf(string fileName)
    {
        const string prefix = "ILSVRC2012_val_";
        const string suffix = ".JPEG";
        if (fileName.Length != prefix.Length + 8 + suffix.Length
            || !fileName.StartsWith(prefix, StringComparison.Ordinal)
            || !fileName.EndsWith(suffix, StringComparison.Ordinal)
            || !int.TryParse(fileName.AsSpan(prefix.Length, 8), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1)
        {
            return -1;
        }

        return number - 1;
    }
}
