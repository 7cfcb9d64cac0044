namespace Real.EventStore;

/// <summary>The whole store as one backend provides it (SQLite or PostgreSQL).</summary>
public interface IEventStore : IEventReader, IEventWriter, ICheckpointStore
{
    /// <summary>A short name of the backend, e.g. "sqlite" or "postgres".</summary>
    string Backend { get; }

    /// <summary>Applies the backend's numbered schema scripts that are not applied yet. Safe to call at every start-up.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);
}
