using Real.Aggregation.AutoRerun;
using Real.Aggregation.Inputs;
using Real.Aggregation.LabelSets;
using Real.Aggregation.Runs;
using Real.Aggregation.Tests.Fixtures;
using Real.Aggregation.Tests.Simulation;

namespace Real.Aggregation.Tests.AutoRerun;

/// <summary>New crowd ratings trigger a warm-started re-run whose result equals a cold run within the tolerance.</summary>
public sealed class AutoAggregationServiceTests : IAsyncLifetime
{
    private static readonly SimulatedRatings Campaign = RaterSimulator.Generate(new SimulationSpec { Seed = 43, Images = 600, Raters = 10 });

    private readonly StoreFixture _fixture = new();

    public async Task InitializeAsync()
    {
        await _fixture.RegisterAsync(Campaign.OriginalLabels, Campaign.Spec.Classes);
        await _fixture.AppendCampaignAsync(Campaign, q => Campaign.QuestionImage[q] < 400, source: "day1");
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task New_ratings_trigger_a_warm_started_run_equal_to_a_cold_run_within_the_tolerance()
    {
        var first = await _fixture.Runner().RunAsync(new AggregationRequest { RunId = Guid.NewGuid(), DatasetId = TestDatasets.DatasetId });
        var completed = new TaskCompletionSource<AggregationRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var service = Service();
        service.Completed += result => completed.TrySetResult(result);
        await service.StartAsync(CancellationToken.None);
        try
        {
            // The service first catches up on day 1 (already aggregated: nothing to do), then day 2 arrives.
            var day2End = await _fixture.AppendCampaignAsync(Campaign, q => Campaign.QuestionImage[q] >= 400, source: "day2");
            var warm = await completed.Task.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal("2", warm.LabelSetId);
            Assert.Equal(first.LabelSetId, warm.Started.WarmStartedFrom);
            Assert.Equal(day2End, warm.Started.InputUpToPosition);
            Assert.Equal(600, warm.Completed.ImagesRated);

            var cold = await _fixture.Runner().RunAsync(new AggregationRequest
            {
                RunId = Guid.NewGuid(),
                DatasetId = TestDatasets.DatasetId,
                AsOf = AsOfPoint.AtPosition(day2End),
            });
            var reader = new LabelSetReader(_fixture.Store, _fixture.Serializer);
            var warmScores = (await reader.ReadAsync(warm.LabelSetId)).Images.SelectMany(i => i.Candidates).ToArray();
            var coldSet = await reader.ReadAsync(cold.LabelSetId);
            var coldScores = coldSet.Images.SelectMany(i => i.Candidates).ToArray();
            Assert.Equal(coldScores.Select(c => c.Label), warmScores.Select(c => c.Label));
            var gap = coldScores.Zip(warmScores, (c, w) => Math.Abs(c.Score - w.Score)).Max();
            Assert.True(gap < 1e-4, $"warm and cold scores differ by up to {gap} (EM tolerance 1e-6 per step)");
            Assert.Equal(coldSet.Images.Select(i => i.Labels), (await reader.ReadAsync(warm.LabelSetId)).Images.Select(i => i.Labels));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Ratings_already_covered_by_the_latest_label_set_trigger_nothing()
    {
        await _fixture.Runner().RunAsync(new AggregationRequest { RunId = Guid.NewGuid(), DatasetId = TestDatasets.DatasetId });
        var runs = 0;
        using var service = Service();
        service.Completed += _ => Interlocked.Increment(ref runs);
        await service.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(0, runs);
        Assert.Single(await new LabelSetReader(_fixture.Store, _fixture.Serializer).ListAsync());
    }

    private AutoAggregationService Service() => new(
        _fixture.Store,
        _fixture.Serializer,
        new FixedAnimalClasses(c => c < 40),
        new AutoAggregationOptions { DatasetId = TestDatasets.DatasetId, QuietPeriod = TimeSpan.FromMilliseconds(300), MaxDelay = TimeSpan.FromSeconds(5) });
}
