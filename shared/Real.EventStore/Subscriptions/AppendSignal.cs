namespace Real.EventStore.Subscriptions;

/// <summary>
/// The in-process half of <see cref="IAppendNotifier"/>: a store calls <see cref="Notify"/> after each commit; waiters
/// for an earlier position wake up. Lock-free for the appender (one volatile swap per commit).
/// </summary>
public sealed class AppendSignal : IAppendNotifier
{
    private TaskCompletionSource _next = NewSource();
    private long _lastPosition;

    public void Notify(long position)
    {
        if (position <= Volatile.Read(ref _lastPosition))
        {
            return;
        }

        Volatile.Write(ref _lastPosition, position);
        Interlocked.Exchange(ref _next, NewSource()).TrySetResult();
    }

    public Task WaitForAppendAsync(long afterPosition, CancellationToken cancellationToken)
    {
        var next = Volatile.Read(ref _next);
        return Volatile.Read(ref _lastPosition) > afterPosition ? Task.CompletedTask : next.Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
