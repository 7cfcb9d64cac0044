using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Data.ImageNet;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.RatingIntake.Importing.RealVotes;

/// <summary>
/// Registers the ImageNet validation set once: 50,000 images sorted by name (ILSVRC2012_val_00000001.JPEG ..
/// 00050000), their original labels (val_labels.txt) and the 1,000 class names, as one DatasetRegistered in
/// <c>dataset-imagenet-val</c>. Idempotent: an existing registration with the same classes, images and labels is
/// kept (whoever wrote it); one that differs is an error rather than a silent second truth.
/// </summary>
public static class ImageNetDatasetRegistration
{
    public static DatasetRegistered Build(ImageNetMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var images = new string[metadata.ValidationLabels.Count];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = ImageNetValidation.ImageFileName(i);
        }

        return new DatasetRegistered(RealVotesMapping.DatasetId, RealVotesMapping.DatasetName, metadata.ClassNames.ToArray(), images, metadata.ValidationLabels.ToArray());
    }

    /// <summary>Appends the registration unless an equal one is stored; returns the number of events appended (0 or 1).</summary>
    public static async Task<int> EnsureAsync(IEventStore store, EventSerializer serializer, DatasetRegistered registration, CancellationToken cancellationToken)
    {
        var stream = StreamNames.Dataset(registration.DatasetId);
        var typeName = serializer.Registry.NameOf(typeof(DatasetRegistered));
        DatasetRegistered? existing = null;
        await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            if (recorded.EventType == typeName)
            {
                existing = serializer.Deserialize<DatasetRegistered>(recorded);
            }
        }

        if (existing is not null)
        {
            return SameSubstance(existing, registration)
                ? 0
                : throw new InvalidDataException(
                    $"Data set '{registration.DatasetId}' is already registered with other classes, images or labels ({existing.ClassNames.Count} classes, {existing.ImageFiles.Count} images); refusing to register a second version.");
        }

        var id = DeterministicGuid.Create($"dataset:{registration.DatasetId}:registered");
        var result = await store.AppendToStreamAsync(stream, ExpectedRevision.Any, [serializer.ToEventData(id, registration, Metadata)], cancellationToken);
        return result.AppendedCount;
    }

    internal static EventMetadata Metadata { get; } = new() { ProducingService = "rating-intake", CausationId = "import real-votes" };

    private static bool SameSubstance(DatasetRegistered a, DatasetRegistered b) =>
        a.ClassNames.SequenceEqual(b.ClassNames, StringComparer.Ordinal)
        && a.ImageFiles.SequenceEqual(b.ImageFiles, StringComparer.Ordinal)
        && a.OriginalLabels.SequenceEqual(b.OriginalLabels);
}
