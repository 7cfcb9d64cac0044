using System.Diagnostics;
using System.Text.Json;
using Real.Contracts;
using Real.EndToEnd.Tests.Distributed.Scenario;
using Real.EventStore;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed;

/// <summary>
/// The distributed topology end to end: four `real service` processes started by infra/local/run-distributed.sh on
/// the local RabbitMQ + PostgreSQL (a vhost and a database of their own), a rating tool with its own narrow RabbitMQ
/// user sending a ReaL-derived scenario, and the label set compared with the embedded run of the same scenario.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class DistributedScenarioTests(EmbeddedOutcomeFixture fixture)
{
    private static readonly ActivitySource ToolSpans = new("Real.Tests.Tool");

    [Fact]
    public async Task Four_processes_on_RabbitMQ_and_PostgreSQL_derive_the_label_set_of_the_embedded_run()
    {
        using var listener = ListenToToolSpans();
        await using var topology = await DistributedTopology.StartAsync(fixture.DataRoot, LocalServices.RabbitMqUri, LocalServices.PostgresAdminConnectionString, FreePorts.Consecutive(4));
        string traceId;
        ScenarioOutcome outcome;
        using (var span = ToolSpans.StartActivity("scenario tool sends its batches", ActivityKind.Producer))
        {
            traceId = span!.TraceId.ToHexString();
            outcome = await ScenarioDriver.RunAsync(topology, fixture.Scenario, EmbeddedOutcomeFixture.BatchSize, EmbeddedOutcomeFixture.Timeout);
        }

        LabelSetAssert.RecordedExactlyOnce(fixture.Scenario, outcome.RecordedRatingIds);
        Assert.True(outcome.ImagesRated >= fixture.Scenario.ImageCount, $"{outcome.ImagesRated} images rated, expected {fixture.Scenario.ImageCount}");
        LabelSetAssert.Identical(fixture.Embedded.Images, outcome.Images);

        // Every service answered /health through the run and reported its store and bus.
        using var status = JsonDocument.Parse(await topology.StatusAsync());
        foreach (var service in status.RootElement.GetProperty("services").EnumerateArray())
        {
            var health = service.GetProperty("health");
            Assert.True(health.ValueKind == JsonValueKind.Object && health.GetProperty("status").GetString() == "Healthy",
                $"{service.GetProperty("service")}: {health}");
        }

        // The tool's trace reached the events its batches caused, and the intake's spans are in the same trace.
        var first = await FirstEventAsync(topology.Store, RealVotesScenario.RatingsStream);
        Assert.Equal(traceId, first.Metadata.CorrelationId);
        Assert.Equal("rating-intake", first.Metadata.ProducingService);
        var spans = File.ReadLines(Path.Combine(topology.StateDirectory, "traces.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(spans, s => s.GetProperty("trace_id").GetString() == traceId && s.GetProperty("service").GetString() == "rating-intake"
            && s.GetProperty("source").GetString() == "Real" && s.GetProperty("name").GetString() == $"append {StreamNames.RatingsCategory}");
        Assert.Contains(spans, s => s.GetProperty("trace_id").GetString() == traceId && s.GetProperty("source").GetString() == "MassTransit");
    }

    private static ActivityListener ListenToToolSpans()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ToolSpans.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static async Task<RecordedEvent> FirstEventAsync(IEventReader store, string stream)
    {
        await foreach (var e in store.ReadStreamAsync(stream, Direction.Forwards, 0, 1))
        {
            return e;
        }

        throw new InvalidOperationException($"{stream} is empty.");
    }
}
