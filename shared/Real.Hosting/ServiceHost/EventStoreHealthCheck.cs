using Microsoft.Extensions.Diagnostics.HealthChecks;
using Real.EventStore;

namespace Real.Hosting.ServiceHost;

/// <summary>Healthy when the event store answers a read of its head position within the check's time.</summary>
public sealed class EventStoreHealthCheck(IEventStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var head = await store.GetHeadPositionAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{store.Backend} store, head position {head}",
                new Dictionary<string, object> { ["backend"] = store.Backend, ["head_position"] = head });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{store.Backend} store unreachable: {ex.Message}", ex);
        }
    }
}
