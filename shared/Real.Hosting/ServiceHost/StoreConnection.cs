using Microsoft.Extensions.Logging;
using Real.EventStore;

namespace Real.Hosting.ServiceHost;

/// <summary>
/// Opens a service's event store, waiting for the database with capped exponential backoff (PostgreSQL may start
/// after the service, or be restarting). Every attempt opens a fresh store: a store whose schema setup failed stays
/// failed, so it is disposed and replaced rather than reused.
/// </summary>
public static class StoreConnection
{
    public static async Task<IEventStore> OpenWithRetryAsync(RealSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EventStoreFactory.OpenAsync(settings, cancellationToken);
            }
            catch (Exception ex) when (TransientFailure.Is(ex) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Event store ({Backend}) not reachable (attempt {Attempt}): {Error}; retrying in {Delay} ms",
                    settings.StoreBackend, attempt, ex.Message, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
