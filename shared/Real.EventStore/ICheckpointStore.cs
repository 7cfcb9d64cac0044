namespace Real.EventStore;

/// <summary>Durable per-subscriber checkpoints: the global position of the last event a subscriber has handled.</summary>
public interface ICheckpointStore
{
    Task<long?> LoadCheckpointAsync(string subscriptionId, CancellationToken cancellationToken = default);

    Task StoreCheckpointAsync(string subscriptionId, long position, CancellationToken cancellationToken = default);
}
