using System.Text.Json;

namespace Real.Reporting.Evaluation.LabelSets;

/// <summary>
/// Reads the published ReaL format (real.json): a JSON list with one list of class indices per validation file,
/// in file-name order; an empty list excludes the image. Errors name the list position, the image file and the value.
/// </summary>
public static class RealJsonLabelSetReader
{
    public static IReadOnlyList<int[]> Read(string path, ImageIndex images, int classCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(images);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new FileNotFoundException($"{path}: no such label-set file.");
        }

        try
        {
            return Parse(bytes, path, images, classCount);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}: {ex.Message}", ex);
        }
    }

    private static List<int[]> Parse(ReadOnlySpan<byte> json, string path, ImageIndex images, int classCount)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidDataException($"{path}: expected a JSON list of lists of label indices (real.json format).");
        }

        var result = new List<int[]>(images.Count);
        var current = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var position = result.Count;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new InvalidDataException($"{path}: entry {position}{ImageName(images, position)}: expected a list of label indices, found {reader.TokenType}.");
            }

            current.Clear();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var label))
                {
                    throw new InvalidDataException($"{path}: entry {position}{ImageName(images, position)}: '{Raw(ref reader)}' is not an integer label index.");
                }

                if (label < 0 || label >= classCount)
                {
                    throw new InvalidDataException($"{path}: entry {position}{ImageName(images, position)}: label {label} is outside 0..{classCount - 1}.");
                }

                current.Add(label);
            }

            result.Add([.. current]);
        }

        if (result.Count != images.Count)
        {
            throw new InvalidDataException($"{path}: {result.Count:N0} entries, but the data set has {images.Count:N0} images; real.json has one list per validation file.");
        }

        return result;
    }

    private static string ImageName(ImageIndex images, int position) =>
        position < images.Count ? $" ({images.FileOf(position)})" : string.Empty;

    private static string Raw(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString() ?? string.Empty,
            JsonTokenType.StartArray or JsonTokenType.StartObject => reader.TokenType.ToString(),
            _ => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        };
}
