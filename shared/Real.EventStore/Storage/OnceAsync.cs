namespace Real.EventStore.Storage;

/// <summary>
/// Runs an asynchronous initialisation once and shares its task; if it fails (e.g. the database was not reachable
/// yet) the next caller tries again instead of getting the old failure for ever.
/// </summary>
internal sealed class OnceAsync(Func<Task> initialize)
{
    private readonly Lock _lock = new();
    private Task? _task;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
            {
                _task = initialize();
            }

            return _task.WaitAsync(cancellationToken);
        }
    }
}
