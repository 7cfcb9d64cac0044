using System.Globalization;
using Real.EndToEnd.Tests.Distributed.Scenario;
using Real.Testing;
using Xunit.Abstractions;

namespace Real.EndToEnd.Tests.Distributed;

/// <summary>
/// Faults in the middle of the distributed scenario: kill -9 of services at random points (seeded; REAL_SOAK_SEED and
/// REAL_SOAK_KILLS let infra/local/soak.sh run many trials of this test), and a PostgreSQL restart. Whatever happens,
/// every rating is recorded exactly once and the label set is bit-identical to the uninterrupted embedded run.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class DistributedFaultTests(EmbeddedOutcomeFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Services = ["rating-intake", "proposals", "aggregation", "reporting"];

    [Fact]
    public async Task Kill_9_at_random_points_loses_and_doubles_no_rating_and_changes_no_label()
    {
        var seed = Setting("REAL_SOAK_SEED", 7);
        var kills = Setting("REAL_SOAK_KILLS", 2);
        var random = new Random(seed);
        var batches = fixture.Scenario.Batches(EmbeddedOutcomeFixture.BatchSize).Count;

        // The rating intake dies while batches are queued; the other kills hit random services at random batches.
        var plan = new SortedDictionary<int, List<string>> { [random.Next(1, batches - 1)] = ["rating-intake"] };
        for (var k = 1; k < kills; k++)
        {
            var at = random.Next(0, batches);
            (plan.TryGetValue(at, out var list) ? list : plan[at] = []).Add(Services[random.Next(Services.Length)]);
        }

        var killAggregationDuringRun = random.Next(2) == 0 || kills == 1;
        output.WriteLine($"seed {seed}: kills after batches {string.Join("; ", plan.Select(p => $"{p.Key}: {string.Join(',', p.Value)}"))}; aggregation killed during its run: {killAggregationDuringRun}");

        await using var topology = await DistributedTopology.StartAsync(fixture.DataRoot, LocalServices.RabbitMqUri, LocalServices.PostgresAdminConnectionString, FreePorts.Consecutive(4));
        topology.KillAggregationDuringRun = killAggregationDuringRun;
        var outcome = await ScenarioDriver.RunAsync(topology, fixture.Scenario, EmbeddedOutcomeFixture.BatchSize, EmbeddedOutcomeFixture.Timeout, async batch =>
        {
            if (plan.TryGetValue(batch, out var victims))
            {
                foreach (var victim in victims.Distinct())
                {
                    await topology.KillAsync(victim);
                    await topology.StartAsync(victim);
                }
            }
        });

        LabelSetAssert.RecordedExactlyOnce(fixture.Scenario, outcome.RecordedRatingIds);
        LabelSetAssert.Identical(fixture.Embedded.Images, outcome.Images);
    }

    [Fact]
    public async Task A_PostgreSQL_restart_mid_run_delays_but_loses_nothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"real-pg-fault-{Guid.NewGuid():N}");
        var port = FreePorts.Consecutive(1);
        var admin = (await ThrowawayServers.PostgresAsync("start", directory, port.ToString(CultureInfo.InvariantCulture))).Trim();
        try
        {
            await using var topology = await DistributedTopology.StartAsync(fixture.DataRoot, LocalServices.RabbitMqUri, admin, FreePorts.Consecutive(4));
            var batches = fixture.Scenario.Batches(EmbeddedOutcomeFixture.BatchSize).Count;
            var outcome = await ScenarioDriver.RunAsync(topology, fixture.Scenario, EmbeddedOutcomeFixture.BatchSize, EmbeddedOutcomeFixture.Timeout, async batch =>
            {
                if (batch == batches / 2)
                {
                    // Down for 4 s with batches in flight: the intake's handlers retry with backoff instead of failing them.
                    await ThrowawayServers.PostgresAsync("restart", directory, "4", "fast");
                }
            });

            LabelSetAssert.RecordedExactlyOnce(fixture.Scenario, outcome.RecordedRatingIds);
            LabelSetAssert.Identical(fixture.Embedded.Images, outcome.Images);
            Assert.Contains("rating-intake", await topology.StatusAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await ThrowawayServers.PostgresAsync("destroy", directory);
        }
    }

    [Fact]
    public async Task A_RabbitMQ_restart_mid_run_loses_nothing()
    {
        // A broker node of the test's own (the shared one serves other tests): its own name, ports and data directory.
        var directory = Path.Combine(Path.GetTempPath(), $"real-rabbit-fault-{Guid.NewGuid():N}");
        var port = FreePorts.Consecutive(1);
        var started = (await ThrowawayServers.RabbitMqAsync("start", directory, port.ToString(CultureInfo.InvariantCulture))).Trim().Split(' ');
        try
        {
            var (node, broker) = (started[0], new Uri(started[1]));
            await using var topology = await DistributedTopology.StartAsync(fixture.DataRoot, broker, LocalServices.PostgresAdminConnectionString,
                FreePorts.Consecutive(4), rabbitmqctl: $"rabbitmqctl -n {node}");
            var batches = fixture.Scenario.Batches(EmbeddedOutcomeFixture.BatchSize).Count;
            var outcome = await ScenarioDriver.RunAsync(topology, fixture.Scenario, EmbeddedOutcomeFixture.BatchSize, EmbeddedOutcomeFixture.Timeout, async batch =>
            {
                if (batch == batches / 2)
                {
                    // Durable queues and persistent, confirmed messages survive; services and the tool reconnect.
                    await ThrowawayServers.RabbitMqAsync("restart", directory, "3");
                }
            });

            LabelSetAssert.RecordedExactlyOnce(fixture.Scenario, outcome.RecordedRatingIds);
            LabelSetAssert.Identical(fixture.Embedded.Images, outcome.Images);
        }
        finally
        {
            await ThrowawayServers.RabbitMqAsync("destroy", directory);
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
