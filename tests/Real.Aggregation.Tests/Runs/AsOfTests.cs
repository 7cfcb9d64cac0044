using Real.Aggregation.Runs;
using Real.Aggregation.Tests.Fixtures;
using Real.Aggregation.Tests.Simulation;
using Real.Contracts;
using Real.EventStore;

namespace Real.Aggregation.Tests.Runs;

/// <summary>--as-of: a run reads the ratings up to a point of the log, given as a position or a time.</summary>
public sealed class AsOfTests : IAsyncLifetime
{
    private static readonly SimulatedRatings Campaign = RaterSimulator.Generate(new SimulationSpec { Seed = 37, Images = 300, Raters = 8 });

    private readonly StoreFixture _fixture = new();
    private long _firstHalfEnd;

    public async Task InitializeAsync()
    {
        await _fixture.RegisterAsync(Campaign.OriginalLabels, Campaign.Spec.Classes);
        _firstHalfEnd = await _fixture.AppendCampaignAsync(Campaign, q => Campaign.QuestionImage[q] < 150, source: "day1");
        await Task.Delay(20); // the second half is recorded strictly later
        await _fixture.AppendCampaignAsync(Campaign, q => Campaign.QuestionImage[q] >= 150, source: "day2");
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task As_of_a_position_sees_only_ratings_up_to_it()
    {
        var result = await _fixture.Runner().RunAsync(Request(AsOfPoint.AtPosition(_firstHalfEnd)));

        Assert.Equal(_firstHalfEnd, result.Started.InputUpToPosition);
        Assert.Equal(150, result.Completed.ImagesRated);
        Assert.Equal(_firstHalfEnd.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Started.AsOf);
    }

    [Fact]
    public async Task As_of_a_time_sees_the_ratings_recorded_until_then_and_records_the_position()
    {
        var lastOfDay1 = await LastEventAsync(StreamNames.Ratings("day1"));
        var result = await _fixture.Runner().RunAsync(Request(AsOfPoint.Parse(lastOfDay1.Created.ToString("O"))));

        Assert.Equal(lastOfDay1.GlobalPosition, result.Started.InputUpToPosition);
        Assert.Equal(150, result.Completed.ImagesRated);
    }

    [Fact]
    public async Task Without_as_of_a_run_reads_the_whole_log()
    {
        var result = await _fixture.Runner().RunAsync(Request(null));
        Assert.Equal(300, result.Completed.ImagesRated);
    }

    [Theory]
    [InlineData("123", 123L, false)]
    [InlineData("2020-06-12T10:00:00Z", null, true)]
    [InlineData("2020-06-12", null, true)]
    public void Parses_positions_and_times(string text, long? position, bool isTime)
    {
        var point = AsOfPoint.Parse(text);
        Assert.Equal(position, point.Position);
        Assert.Equal(isTime, point.Time is not null);
        Assert.Equal(text, point.Text);
    }

    [Fact]
    public void Rejects_what_is_neither()
    {
        var error = Assert.Throws<ArgumentException>(() => AsOfPoint.Parse("yesterday"));
        Assert.Contains("neither a log position", error.Message, StringComparison.Ordinal);
    }

    private static AggregationRequest Request(AsOfPoint? asOf) => new() { RunId = Guid.NewGuid(), DatasetId = TestDatasets.DatasetId, AsOf = asOf };

    private async Task<RecordedEvent> LastEventAsync(string stream)
    {
        await foreach (var e in _fixture.Store.ReadStreamAsync(stream, Direction.Backwards, long.MaxValue, 1))
        {
            return e;
        }

        throw new InvalidOperationException($"stream {stream} is empty");
    }
}
