using Real.Contracts;
using Real.Hosting;
using Real.Hosting.Distributed;
using Real.Testing;
using Xunit.Abstractions;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// The scenario across the four service processes: the operator registers the data set and imports the two models'
/// predictions into the shared PostgreSQL store, asks the proposals service (GenerateProposals over RabbitMQ) for
/// the rating tasks, the study's rating tool publishes its votes in SubmitRatings batches to the intake service
/// (its own RabbitMQ user, publisher confirms), the operator asks the aggregation service for the label set
/// (RunAggregation), and the label set is exported and read back from the reporting service. A
/// <see cref="FaultPlan"/> kills services with SIGKILL on the way and restarts them.
/// </summary>
public sealed class DistributedScenarioRun(DistributedTopology topology, FaultPlan faults, ITestOutputHelper output)
{
    public const int BatchSize = 100;

    /// <summary>A drill run after the rating batch it names (a broker or database restart), awaited before publishing on.</summary>
    public (int AfterBatch, Func<Task> Run)? Drill { get; init; }

    public async Task<ScenarioOutcome> RunAsync()
    {
        var scenario = RealStudySubset.Instance;
        var work = Path.Combine(topology.State, "work");
        Directory.CreateDirectory(work);
        string[] store = ["--store", "postgres", "--pg", topology.PostgresConnectionString, "--data", RepositoryRoot.DataRoot, "--home", work];
        var settings = new RealSettings { Home = work, DataRoot = RepositoryRoot.DataRoot, StoreBackend = "postgres", PostgresConnectionString = topology.PostgresConnectionString };
        await using var direct = new ScenarioStore(settings);
        await direct.RegisterImageNetAsync();
        foreach (var model in RealStudySubset.Models)
        {
            await RealCli.JsonAsync(["import", "predictions", scenario.WritePredictions(work, model), "--model", model, "--top-k", $"{ScenarioRequests.TopK}", .. store]);
        }

        await using var bus = await OperatorBus.StartAsync(topology.OperatorRabbitMqUri, Log);
        var proposing = bus.GenerateProposalsAsync(ScenarioRequests.Proposals());
        if (faults.KillProposalsAfter is { } proposalsDelay)
        {
            await KillAndRestartAsync(DistributedTopology.Proposals, proposalsDelay);
        }

        var proposals = (await proposing).Message;
        Log($"proposals: {proposals.Tasks} tasks, {proposals.Questions} questions");

        await PublishRatingsAsync(scenario);
        var recorded = await WaitForRatingsAsync(direct, scenario.Ratings.Count);

        var aggregating = bus.RunAggregationAsync(ScenarioRequests.Aggregation());
        if (faults.KillAggregationAfter is { } aggregationDelay)
        {
            await KillAndRestartAsync(DistributedTopology.Aggregation, aggregationDelay);
        }

        var completed = (await ExplainTimeoutAsync(aggregating, direct)).Message;
        Log($"aggregation: label set {completed.LabelSetId}, {completed.ImagesRated} images rated, already existed: {completed.AlreadyExisted}");
        Assert.Equal(ScenarioRequests.LabelSetId, completed.LabelSetId);

        var ids = await direct.RecordedRatingIdsAsync(RealStudySubset.ToolId);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        return await ScenarioOutcome.ExportAsync(Path.Combine(work, "export"), proposals.Tasks, recorded, store);
    }

    /// <summary>
    /// A RunAggregation reply that never came: says whether the run happened (its label set is stored, so the reply
    /// was lost on the way back) or not (the request never reached a working consumer).
    /// </summary>
    private static async Task<T> ExplainTimeoutAsync<T>(Task<T> reply, ScenarioStore direct)
    {
        try
        {
            return await reply;
        }
        catch (MassTransit.RequestTimeoutException ex)
        {
            var events = await direct.StreamLengthAsync(StreamNames.LabelSet(ScenarioRequests.LabelSetId));
            var what = events > 0 ? $"the label set's stream holds {events} events, so the run happened and its reply was lost" : "no label set is stored, so the run never happened";
            throw new TimeoutException($"No reply to RunAggregation: {what}.", ex);
        }
    }

    private async Task PublishRatingsAsync(RealStudySubset scenario)
    {
        var batches = scenario.Batches(BatchSize);
        await using var tool = await RatingToolClient.ConnectAsync(await topology.ToolUriAsync(RealStudySubset.ToolId), RealStudySubset.ToolId, window: 4, CancellationToken.None);
        var restarts = new Dictionary<string, Task>();
        for (var b = 0; b < batches.Count; b++)
        {
            await tool.PublishAsync(batches[b].Body, batches[b].BatchId, CancellationToken.None);
            foreach (var (_, service) in faults.BatchKills.Where(k => k.AfterBatch == b))
            {
                // A service killed twice must be back before the second kill; the others keep their restarts running
                // while the tool goes on publishing into the broker.
                if (restarts.TryGetValue(service, out var pending))
                {
                    await pending;
                }

                await topology.KillAsync(service);
                Log($"killed {service} after batch {b}");
                restarts[service] = topology.StartServiceAsync(service);
            }

            if (Drill is { } drill && drill.AfterBatch == b)
            {
                Log($"drill after batch {b}");
                await drill.Run();
                Log("drill done");
            }

            // Spread the batches over a few seconds so kills land while the intake is busy, not after it is done.
            await Task.Delay(15);
        }

        await Task.WhenAll(restarts.Values);
        await tool.WaitForRepliesAsync(batches.Count, TimeSpan.FromMinutes(3), CancellationToken.None);
        Log($"tool: {batches.Count} batches published; replies: {tool.Replies.Accepted} accepted, {tool.Replies.Duplicates} duplicates, {tool.Replies.Rejected} rejected, {tool.Replies.BatchErrors} batch errors");
        Assert.Equal(0L, tool.Replies.Rejected + tool.Replies.BatchErrors);
    }

    private async Task<long> WaitForRatingsAsync(ScenarioStore direct, long expected)
    {
        long recorded = 0;
        await Eventually.HoldsAsync(
            async () => (recorded = await ObservedLengthAsync(direct)) >= expected,
            TimeSpan.FromMinutes(3),
            () => $"{recorded} of {expected} ratings recorded (intake log: {topology.LogOf(DistributedTopology.RatingIntake)})",
            TimeSpan.FromMilliseconds(250));
        return recorded;
    }

    /// <summary>The ratings stream's length, or -1 while this observer's own connections still point at a restarted database.</summary>
    private static async Task<long> ObservedLengthAsync(ScenarioStore direct)
    {
        try
        {
            return await direct.StreamLengthAsync(StreamNames.Ratings(RealStudySubset.ToolId));
        }
        catch (Npgsql.NpgsqlException ex) when (ex.IsTransient || ex is Npgsql.PostgresException { SqlState: "57P01" })
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            return -1;
        }
    }

    private async Task KillAndRestartAsync(string service, TimeSpan delay)
    {
        await Task.Delay(delay);
        await topology.KillAsync(service);
        Log($"killed {service} {delay.TotalMilliseconds:0} ms into its run");
        await topology.StartServiceAsync(service);
    }

    private void Log(string line) => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff}] {line}");
}
