using System.Globalization;
using Real.EndToEnd.Tests.Distributed.Scenario;
using Xunit.Abstractions;

namespace Real.EndToEnd.Tests.Distributed;

/// <summary>
/// Faults during the distributed scenario lose nothing and double nothing: every rating is recorded exactly once and
/// the label set is byte-identical to the uninterrupted embedded run. CI runs each drill once (two kills);
/// infra/local/soak.sh repeats the kill drill with other seeds and more kills (REAL_SOAK_SEED, REAL_SOAK_KILLS).
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class DistributedFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Kill_9_at_random_points_loses_and_doubles_no_rating()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("REAL_SOAK_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Environment.TickCount & 0xFFFF;
        var kills = int.TryParse(Environment.GetEnvironmentVariable("REAL_SOAK_KILLS"), CultureInfo.InvariantCulture, out var k) ? k : 2;
        var batches = RealStudySubset.Instance.Batches(DistributedScenarioRun.BatchSize).Count;
        var plan = FaultPlan.Draw(seed, kills, batches);
        output.WriteLine(plan.ToString());

        var embedded = await EmbeddedReference.GetAsync();
        await using var topology = await DistributedTopology.StartAsync([RealStudySubset.ToolId]);
        var distributed = await new DistributedScenarioRun(topology, plan, output).RunAsync();
        AssertSame(embedded, distributed, plan.ToString());
    }

    [Fact]
    public async Task A_PostgreSQL_restart_mid_run_delays_but_loses_nothing()
    {
        var embedded = await EmbeddedReference.GetAsync();
        await using var postgres = await ThrowawayServer.PostgresAsync();
        await using var topology = await DistributedTopology.StartAsync([RealStudySubset.ToolId], postgresAdmin: postgres.Started);
        var run = new DistributedScenarioRun(topology, FaultPlan.None, output) { Drill = (20, () => postgres.RestartAsync(downSeconds: 3)) };
        AssertSame(embedded, await run.RunAsync(), "PostgreSQL restarted after batch 20");
    }

    [Fact]
    public async Task A_RabbitMQ_restart_mid_run_delays_but_loses_nothing()
    {
        var embedded = await EmbeddedReference.GetAsync();
        await using var rabbit = await ThrowawayServer.RabbitMqAsync();
        var (node, uri) = (rabbit.Started.Split(' ')[0], new Uri(rabbit.Started.Split(' ')[1]));
        await using var topology = await DistributedTopology.StartAsync([RealStudySubset.ToolId], rabbitMq: uri, rabbitmqctl: $"rabbitmqctl -n {node}");
        var run = new DistributedScenarioRun(topology, FaultPlan.None, output) { Drill = (20, () => rabbit.RestartAsync(downSeconds: 3)) };
        AssertSame(embedded, await run.RunAsync(), "RabbitMQ restarted after batch 20");
    }

    private static void AssertSame(ScenarioOutcome embedded, ScenarioOutcome distributed, string what)
    {
        Assert.True(RealStudySubset.Instance.Ratings.Count == distributed.RatingsRecorded, $"{what}: {distributed.RatingsRecorded} ratings recorded, expected {RealStudySubset.Instance.Ratings.Count}");
        Assert.Equal(embedded.Tasks, distributed.Tasks);
        Assert.True(embedded.LabelsCsv == distributed.LabelsCsv, $"{what}: the label set differs from the embedded run's");
        Assert.True(embedded.ScoresCsv == distributed.ScoresCsv, $"{what}: the scores differ from the embedded run's");
        Assert.True(embedded.EvaluationJson == distributed.EvaluationJson, $"{what}: the models' evaluation differs from the embedded run's");
    }
}
