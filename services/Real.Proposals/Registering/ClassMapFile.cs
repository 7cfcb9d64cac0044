using System.Globalization;

namespace Real.Proposals.Registering;

/// <summary>
/// A model's output-to-class map as a text file: one line per model output, in output order, holding the data set
/// class index it means, or -1 for an output with no counterpart in the data set. Blank lines and lines starting
/// with '#' are skipped.
/// </summary>
public static class ClassMapFile
{
    public static IReadOnlyList<int> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: class map file not found.", path);
        }

        var map = new List<int>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!int.TryParse(line, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var label) || label < -1)
            {
                throw new InvalidDataException($"{path} line {lineNumber}: '{line}' is not a class index (0 or more) or -1 for an unmapped output.");
            }

            map.Add(label);
        }

        return map.Count > 0 ? map : throw new InvalidDataException($"{path}: the class map is empty.");
    }
}
