using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Data.ImageNet;
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

    /// <summary>The ImageNet validation set from the reference files (val_labels.txt, class_names.txt, synsets.txt, hierarchy.tsv).</summary>
    public static EvaluationDataset FromReferenceFiles(string imageNetDirectory, string datasetId = StreamNames.ImageNetVal)
    {
        if (!File.Exists(Path.Combine(imageNetDirectory, "val_labels.txt")))
        {
            throw new FileNotFoundException($"{imageNetDirectory}: no val_labels.txt; run `make data`, pass --data DIR, or import the data set first (`./real import real-votes`).");
        }

        var metadata = ImageNetMetadata.Load(imageNetDirectory);
        var files = Enumerable.Range(0, metadata.ValidationLabels.Count).Select(ImageNetValidation.ImageFileName).ToArray();
        return new EvaluationDataset(datasetId, new ImageIndex(files), metadata.ValidationLabels, metadata.ClassNames);
    }
}
