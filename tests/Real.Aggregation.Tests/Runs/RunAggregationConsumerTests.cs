using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Real.Aggregation.Inputs;
using Real.Aggregation.LabelSets;
using Real.Aggregation.Runs;
using Real.Aggregation.Tests.Fixtures;
using Real.Aggregation.Tests.Simulation;
using Real.Contracts.Messages.Aggregation;
using Real.Testing;

namespace Real.Aggregation.Tests.Runs;

/// <summary>The RunAggregation message, through MassTransit's in-memory test harness.</summary>
public sealed class RunAggregationConsumerTests : IAsyncLifetime
{
    private static readonly SimulatedRatings Campaign = RaterSimulator.Generate(new SimulationSpec { Seed = 47, Images = 200, Raters = 8 });

    private readonly StoreFixture _fixture = new();

    public async Task InitializeAsync()
    {
        await _fixture.RegisterAsync(Campaign.OriginalLabels, Campaign.Spec.Classes);
        await _fixture.AppendCampaignAsync(Campaign);
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_message_makes_one_label_set_even_when_delivered_twice()
    {
        await using var provider = new ServiceCollection()
            .AddSingleton(new AggregationRunner(_fixture.Store, _fixture.Serializer, new FixedAnimalClasses(c => c < 40)))
            .AddMassTransitTestHarness(bus => bus.AddAggregationConsumers())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var message = new RunAggregation(Guid.NewGuid(), TestDatasets.DatasetId, "one-coin", new Dictionary<string, string> { ["threshold"] = "0.7" }, null, null, null, null);
        await harness.Bus.Publish(message);
        await harness.Bus.Publish(message); // at-least-once delivery

        // Both deliveries may be consumed concurrently; wait for both replies.
        await WaitForPublishedAsync<LabelSetCompleted>(harness, 2);
        var published = harness.Published.Select<LabelSetCompleted>().ToList();
        Assert.Equal(2, published.Count);
        Assert.All(published, p => Assert.Equal("1", p.Context.Message.LabelSetId));
        Assert.Single(published, p => p.Context.Message.AlreadyExisted);
        Assert.Equal("one-coin", published[0].Context.Message.Rule);

        var list = await new LabelSetReader(_fixture.Store, _fixture.Serializer).ListAsync();
        var only = Assert.Single(list);
        Assert.Equal("0.7", only.Started!.Parameters["threshold"]);
    }

    [Fact]
    public async Task A_bad_rule_faults_the_message_with_the_reason()
    {
        await using var provider = new ServiceCollection()
            .AddSingleton(new AggregationRunner(_fixture.Store, _fixture.Serializer, FixedAnimalClasses.None))
            .AddMassTransitTestHarness(bus => bus.AddAggregationConsumers())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new RunAggregation(Guid.NewGuid(), TestDatasets.DatasetId, "no-such-rule", new Dictionary<string, string>(), null, null, null, null));

        await WaitForPublishedAsync<Fault<RunAggregation>>(harness, 1);
        var fault = harness.Published.Select<Fault<RunAggregation>>().First().Context.Message;
        Assert.Contains("Unknown rule 'no-such-rule'", fault.Exceptions[0].Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits up to 60 s until <paramref name="count"/> messages of type <typeparamref name="T"/> were published, rather
    /// than for the harness's inactivity window (about a second), which a loaded 2-core CI machine outlasted while the
    /// consumer was still reading the ratings. The caller asserts what arrived.
    /// </summary>
    private static Task WaitForPublishedAsync<T>(ITestHarness harness, int count)
        where T : class =>
        Eventually.HoldsAsync(() => harness.Published.Select<T>().Count() >= count, TimeSpan.FromSeconds(60), $"fewer than {count} {typeof(T).Name} were published", TimeSpan.FromMilliseconds(50));
}
