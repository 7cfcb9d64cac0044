using Real.Contracts.Messages.Aggregation;
using Real.EventStore;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>Where a scenario runs: all services in this process (embedded) or four processes on RabbitMQ + PostgreSQL.</summary>
public interface IScenarioTopology : IAsyncDisposable
{
    /// <summary>The store the services write (read by the scenario to wait and to check).</summary>
    IEventStore Store { get; }

    /// <summary>Sends one SubmitRatings body as the scenario's rating tool.</summary>
    Task SubmitAsync(byte[] body, string messageId, CancellationToken cancellationToken);

    /// <summary>Asks the aggregation service for a label set and waits for its answer.</summary>
    Task<LabelSetCompleted> AggregateAsync(RunAggregation request, TimeSpan timeout, CancellationToken cancellationToken);
}
