using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Aggregation.Inputs;

/// <summary>Reads a data set's registration (images, original labels, classes) from <c>dataset-{id}</c>, with its animal classes.</summary>
public sealed class DatasetReader(IEventReader reader, EventSerializer serializer)
{
    private static readonly string DatasetRegisteredType = typeof(DatasetRegistered).GetCustomAttributes(typeof(EventTypeAttribute), false).Cast<EventTypeAttribute>().Single().Name;

    /// <summary>The data set with its animal flags, as a rule input needs it.</summary>
    public async Task<DatasetSnapshot> ReadAsync(string datasetId, IAnimalClasses animalClasses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(animalClasses);
        var registered = await ReadRegistrationAsync(datasetId, cancellationToken);
        var isAnimal = animalClasses.For(registered);
        if (isAnimal.Count != registered.ClassNames.Count)
        {
            throw new InvalidDataException($"Data set '{datasetId}' has {registered.ClassNames.Count} classes but the animal flags cover {isAnimal.Count}.");
        }

        return new DatasetSnapshot(datasetId, registered.ImageFiles, registered.OriginalLabels, isAnimal);
    }

    /// <summary>The data set's registration as stored: classes, images (sorted by file name), original labels.</summary>
    public async Task<DatasetRegistered> ReadRegistrationAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(datasetId);
        var stream = StreamNames.Dataset(datasetId);
        await foreach (var recorded in reader.ReadStreamAsync(stream, Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            if (recorded.EventType != DatasetRegisteredType)
            {
                continue;
            }

            var registered = serializer.Deserialize<DatasetRegistered>(recorded);
            if (registered.ImageFiles.Count != registered.OriginalLabels.Count)
            {
                throw new InvalidDataException($"Stream '{stream}' revision {recorded.Revision}: {registered.ImageFiles.Count} images but {registered.OriginalLabels.Count} original labels.");
            }

            return registered;
        }

        throw new InvalidOperationException($"Data set '{datasetId}' is not registered in the event store (no DatasetRegistered in stream '{stream}'). Import the ReaL votes first.");
    }
}
