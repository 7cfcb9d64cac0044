using System.Diagnostics;
using Real.Aggregation.LabelSets;
using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Contracts.Messages.Aggregation;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// Runs a <see cref="RealVotesScenario"/> on a topology the same way every time: register the data set and questions,
/// send every batch as the tool, wait until the store holds every rating, ask for a Dawid-Skene label set, read it
/// back. <c>afterBatch</c> lets fault tests kill and restart services between batches.
/// </summary>
public static class ScenarioDriver
{
    public static readonly EventSerializer Serializer = new(new EventTypeRegistry().RegisterAssembly(typeof(StreamNames).Assembly));

    public static async Task<ScenarioOutcome> RunAsync(
        IScenarioTopology topology,
        RealVotesScenario scenario,
        int batchSize,
        TimeSpan timeout,
        Func<int, Task>? afterBatch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(scenario);
        await scenario.RegisterAsync(topology.Store, Serializer, cancellationToken);
        var batches = scenario.Batches(batchSize);
        for (var i = 0; i < batches.Count; i++)
        {
            await topology.SubmitAsync(batches[i], $"scenario-batch-{i}", cancellationToken);
            if (afterBatch is not null)
            {
                await afterBatch(i);
            }
        }

        await WaitForRatingsAsync(topology.Store, scenario.Ratings.Count, timeout, cancellationToken);
        var request = new RunAggregation(RealVotesScenario.AggregationRunId, scenario.Dataset.DatasetId, "dawid-skene", new Dictionary<string, string>(), null, null, null, null);
        var completed = await topology.AggregateAsync(request, timeout, cancellationToken);
        var labelSet = await new LabelSetReader(topology.Store, Serializer).ReadAsync(completed.LabelSetId, cancellationToken);
        return new ScenarioOutcome(completed.LabelSetId, labelSet.Images, await RatingIdsAsync(topology.Store, cancellationToken), labelSet.Completed.ImagesRated);
    }

    /// <summary>Every RatingRecorded's rating id in the scenario tool's stream, in order (duplicates kept, to be caught).</summary>
    public static async Task<IReadOnlyList<string>> RatingIdsAsync(IEventReader store, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var e in store.ReadStreamAsync(RealVotesScenario.RatingsStream, Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            ids.Add(Serializer.Deserialize<RatingRecorded>(e).RatingId);
        }

        return ids;
    }

    private static async Task WaitForRatingsAsync(IEventReader store, int expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long recorded = 0;
        while (clock.Elapsed < timeout)
        {
            recorded = (await store.GetStreamRevisionAsync(RealVotesScenario.RatingsStream, cancellationToken) ?? -1) + 1;
            if (recorded >= expected)
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{recorded} of {expected} ratings recorded after {timeout.TotalSeconds:0} s.");
    }
}
