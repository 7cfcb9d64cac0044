using System.Globalization;

namespace Real.Data.ImageNet;

/// <summary>
/// hierarchy.tsv: header, then one row per class with index, wnid, name, is_animal, multi_parent, depth,
/// hypernym_chain ("wnid:name &gt; wnid:name ...") and all_ancestor_wnids (space-separated). Rows must agree
/// with synsets.txt and class_names.txt.
/// </summary>
internal static class HierarchyFile
{
    private static readonly string[] Columns =
        ["index", "wnid", "name", "is_animal", "multi_parent", "depth", "hypernym_chain", "all_ancestor_wnids"];

    public static ImageNetClass[] Read(string path, IReadOnlyList<string> synsets, IReadOnlyList<string> names)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found.", path);
        }

        var classes = new ImageNetClass[synsets.Count];
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var fields = raw.TrimEnd('\r').Split('\t');
            if (lineNumber == 1)
            {
                if (!fields.SequenceEqual(Columns))
                {
                    throw new InvalidDataException($"{path} line 1: header is '{string.Join(' ', fields)}' but '{string.Join(' ', Columns)}' (tab-separated) was expected.");
                }

                continue;
            }

            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var row = new Row(path, lineNumber, fields);
            var index = row.Index(synsets.Count);
            if (classes[index] is not null)
            {
                throw row.Error("index", fields[0], "repeats an earlier row");
            }

            var wnid = fields[1];
            if (wnid != synsets[index])
            {
                throw row.Error("wnid", wnid, $"synsets.txt has {synsets[index]} for class {index}");
            }

            if (fields[2] != names[index])
            {
                throw row.Error("name", fields[2], $"class_names.txt has '{names[index]}' for class {index}");
            }

            classes[index] = new ImageNetClass(index, wnid, fields[2], row.Flag(3, "is_animal"), row.Chain(6), row.Ancestors(7));
        }

        var missing = Array.FindIndex(classes, c => c is null);
        if (missing >= 0)
        {
            throw new InvalidDataException($"{path}: no row for class {missing} ({synsets[missing]}).");
        }

        return classes;
    }

    private readonly struct Row(string path, int line, string[] fields)
    {
        public int Index(int classCount)
        {
            if (fields.Length != Columns.Length)
            {
                throw new InvalidDataException($"{path} line {line}: {fields.Length} tab-separated fields but {Columns.Length} were expected.");
            }

            return int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < classCount
                ? index
                : throw Error("index", fields[0], $"not a class index 0..{classCount - 1}");
        }

        public bool Flag(int column, string name) => fields[column] switch
        {
            "1" => true,
            "0" => false,
            _ => throw Error(name, fields[column], "must be 0 or 1"),
        };

        public WordNetNode[] Chain(int column)
        {
            var text = fields[column];
            if (text.Length == 0)
            {
                return [];
            }

            var steps = text.Split(" > ");
            var chain = new WordNetNode[steps.Length];
            for (var i = 0; i < steps.Length; i++)
            {
                var colon = steps[i].IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !ImageNetMetadata.IsWnid(steps[i][..colon]))
                {
                    throw Error("hypernym_chain", steps[i], "each step must be 'wnid:name'");
                }

                chain[i] = new WordNetNode(steps[i][..colon], steps[i][(colon + 1)..]);
            }

            return chain;
        }

        public string[] Ancestors(int column)
        {
            var ancestors = fields[column].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var wnid in ancestors)
            {
                if (!ImageNetMetadata.IsWnid(wnid))
                {
                    throw Error("all_ancestor_wnids", wnid, "not a WordNet id");
                }
            }

            return ancestors;
        }

        public InvalidDataException Error(string column, string value, string problem) =>
            new($"{path} line {line}: {column} '{value}': {problem}.");
    }
}
