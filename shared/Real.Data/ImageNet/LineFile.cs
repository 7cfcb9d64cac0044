namespace Real.Data.ImageNet;

/// <summary>One value per line; a line that does not parse fails with the file and its 1-based line number.</summary>
internal static class LineFile
{
    public static List<T> ReadNonEmpty<T>(string path, string expected, Func<string, int, T?> parse)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found.", path);
        }

        var values = new List<T>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            var value = line.Length == 0 ? default : parse(line, lineNumber);
            if (value is null)
            {
                throw new InvalidDataException($"{path} line {lineNumber}: '{line}' is not {expected}.");
            }

            values.Add(value);
        }

        if (values.Count == 0)
        {
            throw new InvalidDataException($"{path}: file is empty.");
        }

        return values;
    }
}
