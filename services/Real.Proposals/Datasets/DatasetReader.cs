using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Proposals.Datasets;

/// <summary>Reads a data set's registration (the last DatasetRegistered of <c>dataset-{id}</c>).</summary>
public sealed class DatasetReader(IEventReader reader, EventSerializer serializer)
{
    public async Task<DatasetImages> ReadAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(datasetId);
        DatasetRegistered? last = null;
        await foreach (var registered in reader.ReadStreamEventsAsync<DatasetRegistered>(serializer, StreamNames.Dataset(datasetId), cancellationToken))
        {
            last = registered;
        }

        return last is null
            ? throw new ProposalsException($"Data set '{datasetId}' is not registered (stream {StreamNames.Dataset(datasetId)} holds no DatasetRegistered); register it first.")
            : new DatasetImages(last);
    }
}
