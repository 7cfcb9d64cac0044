using System.Security.Cryptography;
using Real.Contracts.Events.Proposals;
using Real.Proposals.Datasets;
using Real.Proposals.Predictions;
using Real.Proposals.Registering;

namespace Real.Proposals.Importing;

/// <summary>
/// Records predictions made elsewhere as <see cref="PredictionsRecorded"/> for a model, exactly as if inference had
/// run here. The whole file is read and checked before anything is appended; event ids derive from the file's
/// content, so importing the same file again appends nothing and a corrected file supersedes the old one.
/// </summary>
public sealed class PredictionImporter(ModelCatalog catalog, DatasetReader datasets, PredictionWriter writer)
{
    public const string UnregisteredVersion = "imported";

    public async Task<ImportResult> ImportAsync(ImportPredictions command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var modelId = ModelIds.Require(command.ModelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(command.TopK, 1);
        var path = Path.GetFullPath(command.File);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: predictions file not found.", path);
        }

        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".npy" => "npy",
            ".csv" => "csv",
            _ => throw new ArgumentException($"{path}: predictions must be a .npy score matrix or a .csv of file,label,score rows."),
        };
        var dataset = await datasets.ReadAsync(command.DatasetId, cancellationToken);
        var target = await TargetAsync(modelId, command, format, dataset, cancellationToken);
        var imageList = command.ImageListFile is { } list ? ReadImageList(list, dataset) : null;
        var predictions = format == "npy"
            ? NpyPredictionReader.Read(path, target, dataset, imageList, command.TopK)
            : CsvPredictionReader.Read(path, dataset, target.Kind, command.TopK);

        string hash;
        await using (var stream = File.OpenRead(path))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        var topK = predictions.Max(p => p.Top.Count);
        var appended = await writer.AppendAsync(
            target.Model, dataset.DatasetId, $"import/{format}", Path.GetFileName(path), topK, predictions, $"import/{hash}", cancellationToken);
        return new ImportResult(target.Model, format, hash, predictions.Count, topK, appended);
    }

    private async Task<ImportTarget> TargetAsync(string modelId, ImportPredictions command, string format, DatasetImages dataset, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(modelId, cancellationToken) is { } registered)
        {
            if (registered.DatasetId != dataset.DatasetId)
            {
                throw new ProposalsException($"Model '{modelId}' is registered for data set '{registered.DatasetId}', not '{dataset.DatasetId}'.");
            }

            return new ImportTarget(
                new ModelRef(modelId, command.Version ?? registered.Version), registered.OutputCount, registered.ClassMap, command.ScoreKind ?? registered.OutputKind);
        }

        var kind = command.ScoreKind ?? (format == "csv" ? ModelOutputKind.Probabilities : ModelOutputKind.Logits);
        return new ImportTarget(new ModelRef(modelId, command.Version ?? UnregisteredVersion), dataset.ClassCount, [], kind);
    }

    private static IReadOnlyList<string> ReadImageList(string path, DatasetImages dataset)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: image list not found.", path);
        }

        var images = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var index = dataset.Find(line)
                ?? throw new InvalidDataException($"{path} line {lineNumber}: '{line}' is not an image of data set '{dataset.DatasetId}'.");
            var name = dataset.ImageName(index);
            if (!seen.TryAdd(name, lineNumber))
            {
                throw new InvalidDataException($"{path} line {lineNumber}: image '{line}' is already listed on line {seen[name]}.");
            }

            images.Add(name);
        }

        return images;
    }
}
