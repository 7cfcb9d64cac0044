using Real.Aggregation.LabelSets;
using Real.Aggregation.Rules;
using Real.Aggregation.Runs;
using Real.Aggregation.Tests.Fixtures;
using Real.Aggregation.Tests.Simulation;
using Real.Contracts;
using Real.Contracts.Events.Aggregation;
using Real.EventStore;

namespace Real.Aggregation.Tests.Runs;

/// <summary>Runs are events: a run replays the ratings from a small store and appends a new, complete label-set version.</summary>
public sealed class AggregationRunnerTests : IAsyncLifetime
{
    private static readonly SimulatedRatings Campaign = RaterSimulator.Generate(new SimulationSpec { Seed = 31, Images = 400, Raters = 10 });

    private readonly StoreFixture _fixture = new();

    public async Task InitializeAsync()
    {
        await _fixture.RegisterAsync(Campaign.OriginalLabels, Campaign.Spec.Classes);
        await _fixture.AppendCampaignAsync(Campaign);
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_run_appends_started_confusion_labels_and_completed_in_order()
    {
        var headBefore = await _fixture.Store.GetHeadPositionAsync();
        var result = await _fixture.Runner().RunAsync(Request());

        var events = await ReadStreamAsync(StreamNames.LabelSet(result.LabelSetId));
        Assert.Equal("AggregationStarted", events[0].EventType);
        Assert.Equal("RaterConfusionEstimated", events[1].EventType);
        Assert.All(events[2..^1], e => Assert.Equal("LabelsDerived", e.EventType));
        Assert.Equal("AggregationCompleted", events[^1].EventType);
        Assert.Equal(result.Completed.LabelBatches, events.Count - 3);

        var started = result.Started;
        Assert.Equal("1", result.LabelSetId);
        Assert.Equal("dawid-skene", started.Rule);
        Assert.Equal("1", started.RuleVersion);
        Assert.Equal("0.8", started.Parameters["threshold"]);
        Assert.Equal(headBefore, started.InputUpToPosition);
        Assert.Equal(Enumerable.Range(0, 40).ToArray(), started.AnimalClasses);
        Assert.False(string.IsNullOrEmpty(started.CodeVersion));
        Assert.Equal(Campaign.Spec.Images, result.Completed.ImagesRated);
        Assert.True(result.Completed.Converged);
        Assert.True(result.Completed.Raters == Campaign.Spec.Raters + 1, "crowd raters plus the original-label rater");
    }

    [Fact]
    public async Task Replaying_the_log_gives_bit_identical_scores_to_scoring_the_votes_directly()
    {
        var result = await _fixture.Runner().RunAsync(Request());
        var stored = await new LabelSetReader(_fixture.Store, _fixture.Serializer).ReadAsync(result.LabelSetId);

        var input = TestDatasets.Input(Campaign);
        var dataset = new Inputs.DatasetSnapshot(TestDatasets.DatasetId, input.Dataset.ImageFiles, input.Dataset.OriginalLabels, Enumerable.Range(0, Campaign.Spec.Classes).Select(c => c < 40).ToArray());
        var direct = new Inputs.AggregationInput(dataset, [.. input.QuestionImage], [.. input.QuestionLabel], [.. input.RaterIds], input.Votes);
        var (rule, parameters) = RuleCatalog.Standard.Resolve("dawid-skene", new Dictionary<string, string>());
        var expected = rule.Score(direct, parameters, RuleExecution.Default).Scores;

        var replayed = stored.Images.SelectMany(i => i.Candidates.Select(c => c.Score)).ToArray();
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), replayed.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public async Task Runs_never_overwrite_earlier_versions()
    {
        var first = await _fixture.Runner().RunAsync(Request());
        var before = await ReadStreamAsync(StreamNames.LabelSet(first.LabelSetId));
        var second = await _fixture.Runner().RunAsync(Request() with { Rule = "majority" });

        Assert.Equal("2", second.LabelSetId);
        var after = await ReadStreamAsync(StreamNames.LabelSet(first.LabelSetId));
        Assert.Equal(before.Select(e => e.EventId), after.Select(e => e.EventId));
        var list = await new LabelSetReader(_fixture.Store, _fixture.Serializer).ListAsync();
        Assert.Equal(["1", "2"], list.Select(s => s.Id));
        Assert.Equal(["dawid-skene", "majority"], list.Select(s => s.Started!.Rule));
    }

    [Fact]
    public async Task A_repeated_request_returns_its_label_set_and_appends_nothing()
    {
        var request = Request();
        var first = await _fixture.Runner().RunAsync(request);
        var head = await _fixture.Store.GetHeadPositionAsync();

        var again = await _fixture.Runner().RunAsync(request);

        Assert.True(again.AlreadyExisted);
        Assert.Equal(first.LabelSetId, again.LabelSetId);
        Assert.Equal(head, await _fixture.Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task A_requested_id_is_used_once_and_never_taken_twice()
    {
        var named = await _fixture.Runner().RunAsync(Request() with { LabelSetId = "paper" });
        Assert.Equal("paper", named.LabelSetId);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Runner().RunAsync(Request() with { LabelSetId = "paper" }));
        Assert.Contains("already taken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_rule_or_parameter_fails_before_anything_is_read_or_written()
    {
        var head = await _fixture.Store.GetHeadPositionAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Runner().RunAsync(Request() with { Rule = "nope" }));
        await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Runner().RunAsync(Request() with { Parameters = new Dictionary<string, string> { ["threshold"] = "2" } }));
        Assert.Equal(head, await _fixture.Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task As_of_a_position_beyond_the_log_is_an_error()
    {
        var head = await _fixture.Store.GetHeadPositionAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Runner().RunAsync(Request() with { AsOf = AsOfPoint.AtPosition(head + 5) }));
        Assert.Contains("beyond the end of the log", error.Message, StringComparison.Ordinal);
    }

    private static AggregationRequest Request() => new() { RunId = Guid.NewGuid(), DatasetId = TestDatasets.DatasetId };

    private async Task<List<RecordedEvent>> ReadStreamAsync(string stream)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in _fixture.Store.ReadStreamAsync(stream, Direction.Forwards, 0))
        {
            events.Add(e);
        }

        return events;
    }
}
