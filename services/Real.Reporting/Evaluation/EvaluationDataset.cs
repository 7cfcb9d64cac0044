using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Reporting.Evaluation;

/// <summary>
/// What evaluation needs to know about the data set: its images (validation-file order), original labels and class
/// names. Taken from the store's <see cref="DatasetRegistered"/> when the data set is registered, else from the
/// reference files (imagenet/val_labels.txt and class_names.txt under the data root), so evaluating needs no import.
/// </summary>
public sealed record EvaluationDataset(string DatasetId, ImageIndex Images, IReadOnlyList<int> OriginalLabels, IReadOnlyList<string> ClassNames)
{
    public int ClassCount => ClassNames.Count;

    public string ClassName(int index) => (uint)index < (uint)ClassNames.Count ? ClassNames[index] : $"#{index}";

    public static async Task<EvaluationDataset> LoadAsync(IEventReader store, EventSerializer serializer, string imageNetDirectory, string datasetId = StreamNames.ImageNetVal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(serializer);
        await foreach (var recorded in store.ReadStreamAsync(StreamNames.Dataset(datasetId), Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            if (recorded.EventType == serializer.Registry.NameOf(typeof(DatasetRegistered)))
            {
                var registered = serializer.Deserialize<DatasetRegistered>(recorded);
                return new EvaluationDataset(registered.DatasetId, new ImageIndex(registered.ImageFiles), registered.OriginalLabels, registered.ClassNames);
            }
        }

        return FromReferenceFiles(imageNetDirectory, datasetId);
    }

    /// <summary>The ImageNet validation set from val_labels.txt (one class index per line) and class_names.txt.</summary>
    public static EvaluationDataset FromReferenceFiles(string imageNetDirectory, string datasetId = StreamNames.ImageNetVal)
    {
        var labelsFile = Path.Combine(imageNetDirectory, "val_labels.txt");
        var namesFile = Path.Combine(imageNetDirectory, "class_names.txt");
        if (!File.Exists(labelsFile) || !File.Exists(namesFile))
        {
            throw new FileNotFoundException($"{imageNetDirectory}: needs val_labels.txt and class_names.txt (run `make data`, or pass --data DIR), or import the data set first (`./real import real-votes`).");
        }

        var names = File.ReadAllLines(namesFile).Where(l => l.Length > 0).ToArray();
        var labels = new List<int>(50_000);
        var line = 0;
        foreach (var text in File.ReadLines(labelsFile))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var label) || label < 0 || label >= names.Length)
            {
                throw new InvalidDataException($"{labelsFile}: line {line}: '{text}' is not a class index in 0..{names.Length - 1}.");
            }

            labels.Add(label);
        }

        return new EvaluationDataset(datasetId, ImageIndex.ImageNetValidation(labels.Count), labels, names);
    }
}
