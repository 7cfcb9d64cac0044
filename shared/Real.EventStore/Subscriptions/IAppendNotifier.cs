namespace Real.EventStore.Subscriptions;

/// <summary>
/// A store that can tell subscribers in the same process that it has committed new events, so a caught-up
/// <see cref="CatchUpSubscription"/> reads them at once instead of at its next poll. Appends by other processes are
/// still found by polling.
/// </summary>
public interface IAppendNotifier
{
    /// <summary>Completes when this process commits an event with a position greater than <paramref name="afterPosition"/>.</summary>
    Task WaitForAppendAsync(long afterPosition, CancellationToken cancellationToken);
}
