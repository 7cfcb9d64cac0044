using MassTransit;

namespace Real.Hosting.ServiceHost;

/// <summary>
/// The retry a service process adds to each of its receive endpoints, inside the bus's own short retry: transient
/// failures (<see cref="TransientFailure"/>) are retried with exponential backoff from 200 ms up to 10 s between
/// tries, for about four minutes, so a PostgreSQL restart in the middle of a batch delays it instead of moving it
/// to an _error queue. The message stays unacknowledged meanwhile: if the process dies, the broker redelivers it.
/// </summary>
public static class TransientRetry
{
    public const int RetryLimit = 30;

    public static void UseTransientRetry(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry =>
        {
            retry.Exponential(RetryLimit, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300));
            retry.Handle<Exception>(TransientFailure.Is);
        });

    /// <summary>Adds <see cref="UseTransientRetry"/> to every endpoint configured after this call (call inside AddRealMessaging's callback).</summary>
    public static IBusRegistrationConfigurator AddTransientRetry(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseTransientRetry());
        return bus;
    }
}
