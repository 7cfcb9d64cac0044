using System.ComponentModel;
using System.Globalization;
using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

public sealed class RegisterModelSettings : RealCommandSettings
{
    [CommandArgument(0, "<MODEL>")]
    [Description("Model id: lowercase letters, digits, '.', '_', '-'.")]
    public required string ModelId { get; init; }

    [CommandArgument(1, "<ONNX>")]
    [Description("The ONNX file.")]
    public required string OnnxPath { get; init; }

    [CommandOption("--dataset <ID>")]
    [Description("Data set whose classes the outputs are (default imagenet-val).")]
    public string DatasetId { get; init; } = StreamNames.ImageNetVal;

    [CommandOption("--version <LABEL>")]
    [Description("Version label (default: sha256: and the file hash's first 12 hex digits).")]
    public string? Version { get; init; }

    [CommandOption("--input <NAME>")]
    [Description("Graph input fed the images (needed when the graph has several).")]
    public string? InputName { get; init; }

    [CommandOption("--output <NAME>")]
    [Description("Graph output holding the class scores (needed when the graph has several).")]
    public string? OutputName { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("What the output holds: logits (default) or probabilities.")]
    public string Kind { get; init; } = "logits";

    [CommandOption("--class-map <FILE>")]
    [Description("One line per output: the data set class index it means, or -1. Needed when outputs are not the data set's classes.")]
    public string? ClassMap { get; init; }

    [CommandOption("--resize <PIXELS>")]
    [Description("Resize the shorter side to this many pixels (default 256).")]
    public int Resize { get; init; } = 256;

    [CommandOption("--crop <SIZE>")]
    [Description("Centre crop: N or HEIGHTxWIDTH (default 224).")]
    public string Crop { get; init; } = "224";

    [CommandOption("--interpolation <MODE>")]
    [Description("bilinear (default), bicubic or nearest, as torchvision's InterpolationMode.")]
    public string Interpolation { get; init; } = "bilinear";

    [CommandOption("--no-antialias")]
    [Description("Resize without the antialiasing filter (torchvision antialias=False).")]
    public bool NoAntialias { get; init; }

    [CommandOption("--mean <R,G,B>")]
    [Description("Per-channel mean in RGB order (default 0.485,0.456,0.406).")]
    public string Mean { get; init; } = "0.485,0.456,0.406";

    [CommandOption("--std <R,G,B>")]
    [Description("Per-channel std in RGB order (default 0.229,0.224,0.225).")]
    public string Std { get; init; } = "0.229,0.224,0.225";

    [CommandOption("--channel-order <ORDER>")]
    [Description("rgb (default) or bgr.")]
    public string ChannelOrder { get; init; } = "rgb";

    [CommandOption("--layout <LAYOUT>")]
    [Description("nchw (default) or nhwc.")]
    public string Layout { get; init; } = "nchw";

    [CommandOption("--pixel-range <RANGE>")]
    [Description("unit: pixels / 255 before normalising (default, ToTensor); byte: 0..255.")]
    public string PixelRange { get; init; } = "unit";

    [CommandOption("--json")]
    [Description("Print the registration as one JSON object.")]
    public bool Json { get; init; }

    public ModelOutputKind ParseKind() => ParseEnum<ModelOutputKind>(Kind, "--kind", "logits, probabilities");

    public ImagePreprocessing ParsePreprocessing()
    {
        var crop = Crop.Split('x', 'X');
        if (crop.Length is not (1 or 2) || !crop.All(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new ArgumentException($"--crop '{Crop}': give N or HEIGHTxWIDTH, e.g. 224 or 240x320.");
        }

        var height = int.Parse(crop[0], CultureInfo.InvariantCulture);
        return new ImagePreprocessing
        {
            ResizeShorterSide = Resize,
            CropHeight = height,
            CropWidth = crop.Length == 2 ? int.Parse(crop[1], CultureInfo.InvariantCulture) : height,
            Interpolation = ParseEnum<ResizeInterpolation>(Interpolation, "--interpolation", "bilinear, bicubic, nearest"),
            Antialias = !NoAntialias,
            Mean = ParseTriple(Mean, "--mean"),
            Std = ParseTriple(Std, "--std"),
            ScaleToUnit = PixelRange.ToLowerInvariant() switch
            {
                "unit" => true,
                "byte" => false,
                _ => throw new ArgumentException($"--pixel-range '{PixelRange}': use unit or byte."),
            },
            ChannelOrder = ParseEnum<ChannelOrder>(ChannelOrder, "--channel-order", "rgb, bgr"),
            Layout = ParseEnum<TensorLayout>(Layout, "--layout", "nchw, nhwc"),
        };
    }

    private static T ParseEnum<T>(string value, string option, string allowed)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new ArgumentException($"{option} '{value}': use one of {allowed}.");

    private static float[] ParseTriple(string value, string option)
    {
        var parts = value.Split(',');
        var numbers = new float[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                throw new ArgumentException($"{option} '{value}': '{parts[i]}' is not a number.");
            }
        }

        return parts.Length == 3 ? numbers : throw new ArgumentException($"{option} '{value}': give three comma-separated numbers (R,G,B).");
    }
}
