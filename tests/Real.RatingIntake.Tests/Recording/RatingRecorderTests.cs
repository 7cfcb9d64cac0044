using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.RatingIntake.Recording;
using Real.RatingIntake.Tests.Support;
using Real.RatingIntake.Validation;
using static Real.RatingIntake.Tests.Support.IntakeFixture;

namespace Real.RatingIntake.Tests.Recording;

public sealed class RatingRecorderTests : IAsyncLifetime
{
    private IntakeFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await IntakeFixture.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Records_one_event_per_rating_with_a_deterministic_id()
    {
        var result = await _fixture.Recorder.RecordAsync(Batch(Rating("r1", "a.jpg", 1, answer: RatingAnswer.Maybe), Rating("r2", image: null, label: 2, task: "t1")));

        Assert.Equal((2, 0, 0), (result.Recorded, result.Duplicates, result.Rejected));
        var stored = new List<RecordedEvent>();
        await foreach (var e in _fixture.Store.ReadStreamAsync(StreamNames.Ratings("acme"), Direction.Forwards, 0))
        {
            stored.Add(e);
        }

        Assert.Equal([RatingEventIds.For("acme", "r1"), RatingEventIds.For("acme", "r2")], stored.Select(e => e.EventId));
        Assert.Equal(DeterministicGuid.Create("rating:acme:r1"), stored[0].EventId);
        Assert.Equal("RatingRecorded", stored[0].EventType);
        Assert.Equal("b1", stored[0].Metadata.CausationId);
        Assert.Equal(RatingRecorder.ServiceName, stored[0].Metadata.ProducingService);
        var ratings = await _fixture.RatingsAsync();
        Assert.Equal(
            new RatingRecorded("r1", "acme", "b1", "acme:r1", RaterRole.Crowd, Dataset, "a.jpg", 1, RatingAnswer.Maybe, Now.AddMinutes(-1), null),
            ratings[0]);
        Assert.Equal(("c.jpg", 2, "t1"), (ratings[1].Image, ratings[1].Label, ratings[1].TaskId));
    }

    [Fact]
    public async Task A_re_sent_batch_appends_nothing_and_reports_duplicates()
    {
        var batch = Batch(Rating("r1"), Rating("r2", "b.jpg", 2));
        await _fixture.Recorder.RecordAsync(batch);
        var head = await _fixture.Store.GetHeadPositionAsync();

        var again = await _fixture.Recorder.RecordAsync(batch);

        Assert.Equal(head, await _fixture.Store.GetHeadPositionAsync());
        Assert.Equal((0, 2, 0), (again.Recorded, again.Duplicates, again.Rejected));
        Assert.All(again.Outcomes, o => Assert.True(o.IsAccepted));
    }

    [Fact]
    public async Task A_batch_mixing_recorded_and_new_ratings_reports_each_correctly()
    {
        await _fixture.Recorder.RecordAsync(Batch(Rating("r1"), Rating("r3", "b.jpg", 2)));

        var result = await _fixture.Recorder.RecordAsync(Batch(Rating("r1"), Rating("r2", "a.jpg", 1), Rating("r3", "b.jpg", 2), Rating("r4")));

        Assert.Equal(
            [RecordingStatus.Duplicate, RecordingStatus.Recorded, RecordingStatus.Duplicate, RecordingStatus.Recorded],
            result.Outcomes.Select(o => o.Status));
        Assert.Equal(["r1", "r3", "r2", "r4"], (await _fixture.RatingsAsync()).Select(r => r.RatingId));
    }

    [Fact]
    public async Task Partial_acceptance_records_the_valid_ratings_and_explains_the_rest()
    {
        var result = await _fixture.Recorder.RecordAsync(Batch(Rating("r1"), Rating("r2", rater: "other:x"), Rating("r3", "z.jpg"), Rating("r4", "b.jpg", 2)));

        Assert.Equal(
            [RecordingStatus.Recorded, RecordingStatus.Rejected, RecordingStatus.Rejected, RecordingStatus.Recorded],
            result.Outcomes.Select(o => o.Status));
        Assert.Equal(("raterId", "other:x"), (result.Outcomes[1].Problem!.Field, result.Outcomes[1].Problem!.Value));
        Assert.Equal(("image", "z.jpg"), (result.Outcomes[2].Problem!.Field, result.Outcomes[2].Problem!.Value));
        Assert.Equal(["r1", "r4"], (await _fixture.RatingsAsync()).Select(r => r.RatingId));
    }

    [Fact]
    public async Task The_same_rating_id_with_other_content_is_rejected_and_its_neighbours_recorded()
    {
        await _fixture.Recorder.RecordAsync(Batch(Rating("r1", answer: RatingAnswer.Yes)));

        var result = await _fixture.Recorder.RecordAsync(Batch("b2", Rating("r0", "a.jpg", 1), Rating("r1", answer: RatingAnswer.No), Rating("r2", "b.jpg", 2)));

        Assert.Equal([RecordingStatus.Recorded, RecordingStatus.Rejected, RecordingStatus.Recorded], result.Outcomes.Select(o => o.Status));
        Assert.Equal(("ratingId", "r1"), (result.Outcomes[1].Problem!.Field, result.Outcomes[1].Problem!.Value));
        Assert.Contains("already recorded this rating id with different content", result.Outcomes[1].Problem!.Reason, StringComparison.Ordinal);
        var ratings = await _fixture.RatingsAsync();
        Assert.Equal(["r1", "r0", "r2"], ratings.Select(r => r.RatingId));
        Assert.Equal(RatingAnswer.Yes, ratings[0].Answer);
    }

    [Fact]
    public async Task A_re_rating_of_the_same_question_under_a_new_id_is_kept_as_history()
    {
        await _fixture.Recorder.RecordAsync(Batch(Rating("r1", answer: RatingAnswer.No, at: Now.AddHours(-2))));
        await _fixture.Recorder.RecordAsync(Batch("b2", Rating("r2", answer: RatingAnswer.Yes, at: Now.AddHours(-1))));

        var ratings = await _fixture.RatingsAsync();

        Assert.Equal([RatingAnswer.No, RatingAnswer.Yes], ratings.Select(r => r.Answer));
        Assert.All(ratings, r => Assert.Equal(("acme:r1", "a.jpg", 0), (r.RaterId, r.Image, r.Label)));
    }

    [Fact]
    public async Task A_refused_batch_appends_nothing()
    {
        var result = await _fixture.Recorder.RecordAsync(new RatingBatch(SubmittingTool.For("acme"), "b1", "nope", [Rating("r1")]));

        Assert.Equal("datasetId", result.BatchProblem?.Field);
        Assert.Equal(RecordingStatus.Rejected, Assert.Single(result.Outcomes).Status);
        Assert.Equal(0, await _fixture.Store.GetHeadPositionAsync() - _fixture.Catalog.TasksPosition);
        Assert.Empty(await _fixture.RatingsAsync());
    }

    [Fact]
    public async Task Exact_repeats_inside_a_batch_are_recorded_once()
    {
        var result = await _fixture.Recorder.RecordAsync(Batch(Rating("r1"), Rating("r1")));

        Assert.Equal([RecordingStatus.Recorded, RecordingStatus.Duplicate], result.Outcomes.Select(o => o.Status));
        Assert.Single(await _fixture.RatingsAsync());
    }

    [Fact]
    public async Task Questions_registered_after_start_up_are_seen_by_the_next_batch()
    {
        await _fixture.Recorder.RecordAsync(Batch(Rating("r1", "d.jpg", 2)));
        await _fixture.AppendAsync(StreamNames.Dataset(Dataset), new QuestionsRegistered(Dataset, "late", [new("d.jpg", 2)]));

        var result = await _fixture.Recorder.RecordAsync(Batch("b2", Rating("r2", "d.jpg", 2)));

        Assert.Equal(RecordingStatus.Recorded, Assert.Single(result.Outcomes).Status);
    }

    [Fact]
    public async Task Expert_tools_record_the_expert_role()
    {
        var batch = new RatingBatch(SubmittingTool.For("panel", RaterRole.Expert), "b1", Dataset, [Rating("r1", rater: "panel:e1")]);

        await _fixture.Recorder.RecordAsync(batch);

        Assert.Equal(RaterRole.Expert, Assert.Single(await _fixture.RatingsAsync("panel")).Role);
    }
}
