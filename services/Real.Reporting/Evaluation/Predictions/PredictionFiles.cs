namespace Real.Reporting.Evaluation.Predictions;

/// <summary>
/// Finds and reads prediction files: one file, or every .npy/.csv file in a folder (one model each, named after
/// the file without its extension).
/// </summary>
public static class PredictionFiles
{
    public static IReadOnlyList<string> Find(string fileOrDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileOrDirectory);
        if (Directory.Exists(fileOrDirectory))
        {
            var files = Directory.EnumerateFiles(fileOrDirectory)
                .Where(IsPredictionFile)
                .Order(StringComparer.Ordinal)
                .ToList();
            return files.Count > 0
                ? files
                : throw new FileNotFoundException($"{fileOrDirectory}: no prediction files (.npy logits or .csv file,label,score) in this folder.");
        }

        if (!File.Exists(fileOrDirectory))
        {
            throw new FileNotFoundException($"{fileOrDirectory}: no such file or folder.");
        }

        return IsPredictionFile(fileOrDirectory)
            ? [fileOrDirectory]
            : throw new InvalidDataException($"{fileOrDirectory}: unknown prediction format; use .npy (N × C logits) or .csv (file,label,score).");
    }

    public static TopKPredictions Read(string path, ImageIndex images, int classCount, int k = 5)
    {
        var modelId = Path.GetFileNameWithoutExtension(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".npy" => NpyLogitsReader.Read(path, modelId, images.Count, classCount, k),
            ".csv" => CsvPredictionsReader.Read(path, modelId, images, classCount, k),
            _ => throw new InvalidDataException($"{path}: unknown prediction format; use .npy or .csv."),
        };
    }

    private static bool IsPredictionFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".npy" or ".csv";
}
