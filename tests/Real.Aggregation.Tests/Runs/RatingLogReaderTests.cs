using Real.Aggregation.DawidSkene;
using Real.Aggregation.Inputs;
using Real.Aggregation.Tests.Fixtures;
using Real.Aggregation.Tests.Simulation;
using Real.Contracts;
using Real.EventStore;

namespace Real.Aggregation.Tests.Runs;

/// <summary>The fast replay of RatingRecorded events: what it keeps, what it skips, how it fails.</summary>
public sealed class RatingLogReaderTests : IAsyncLifetime
{
    private readonly StoreFixture _fixture = new();
    private DatasetSnapshot _dataset = null!;

    public async Task InitializeAsync()
    {
        await _fixture.RegisterAsync([1, 2, 3], classes: 10);
        _dataset = await new DatasetReader(_fixture.Store, _fixture.Serializer).ReadAsync(TestDatasets.DatasetId, FixedAnimalClasses.None);
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_re_rating_keeps_the_latest_answer_by_answer_time_whatever_the_log_order()
    {
        var t = StoreFixture.Epoch;
        await _fixture.AppendRatingsAsync(
        [
            StoreFixture.Rating("r1", "tool:alice", 0, 5, RatingAnswer.No, t.AddMinutes(10)), // the latest, recorded first
            StoreFixture.Rating("r2", "tool:alice", 0, 5, RatingAnswer.Yes, t.AddMinutes(1)),
            StoreFixture.Rating("r3", "tool:bob", 0, 5, RatingAnswer.Yes, t.AddMinutes(1)),
            StoreFixture.Rating("r4", "tool:bob", 0, 5, RatingAnswer.Maybe, t.AddMinutes(1)), // same time: the later event wins
        ]);

        var snapshot = await ReadAsync(RaterRole.Crowd);

        Assert.Equal(4, snapshot.Ratings);
        var input = snapshot.Input;
        Assert.Equal(["tool:alice", "tool:bob"], input.RaterIds);
        Assert.Equal(Answer.No, input.Votes.AnswerOf(0, 0));
        Assert.Equal(Answer.Maybe, input.Votes.AnswerOf(0, 1));
    }

    [Fact]
    public async Task Expert_ratings_and_other_data_sets_are_not_crowd_votes_of_this_data_set()
    {
        var t = StoreFixture.Epoch;
        await _fixture.AppendRatingsAsync(
        [
            StoreFixture.Rating("c1", "tool:crowd", 1, 2, RatingAnswer.Yes, t),
            StoreFixture.Rating("e1", "tool:expert", 1, 2, RatingAnswer.No, t, RaterRole.Expert),
            StoreFixture.Rating("o1", "tool:crowd", 1, 2, RatingAnswer.No, t) with { DatasetId = "other", Image = "elsewhere.jpg" },
        ]);

        var crowd = await ReadAsync(RaterRole.Crowd);
        var experts = await ReadAsync(RaterRole.Expert);

        Assert.Equal(["tool:crowd"], crowd.Input.RaterIds);
        Assert.Equal(Answer.Yes, crowd.Input.Votes.AnswerOf(0, 0));
        Assert.Equal(["tool:expert"], experts.Input.RaterIds);
    }

    [Fact]
    public async Task Control_answers_of_the_same_rater_neither_add_votes_nor_overwrite_the_campaign_answer()
    {
        // As raters_golden.npz: the same person answers a control copy of a question later, differently.
        var t = StoreFixture.Epoch;
        await _fixture.AppendRatingsAsync([StoreFixture.Rating("c1", "real:7", 1, 2, RatingAnswer.Yes, t)]);
        await _fixture.AppendRatingsAsync(
        [
            StoreFixture.Rating("g1", "real:7", 1, 2, RatingAnswer.No, t.AddDays(1), RaterRole.Control),
            StoreFixture.Rating("g2", "real:8", 1, 2, RatingAnswer.No, t.AddDays(1), RaterRole.Control),
        ], source: "golden-control");

        var crowd = await ReadAsync(RaterRole.Crowd);
        var control = await ReadAsync(RaterRole.Control);

        Assert.Equal((1, 1), (crowd.Ratings, crowd.Input.Votes.VoteCount));
        Assert.Equal(["real:7"], crowd.Input.RaterIds);
        Assert.Equal(Answer.Yes, crowd.Input.Votes.AnswerOf(0, 0));
        Assert.Equal(["real:7", "real:8"], control.Input.RaterIds);
        Assert.Equal(Answer.No, control.Input.Votes.AnswerOf(0, 0));
    }

    [Fact]
    public async Task Reads_the_fields_as_the_event_serializer_writes_them_including_escapes()
    {
        var t = new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));
        await _fixture.AppendRatingsAsync([StoreFixture.Rating("x", "tool:\"quoted\" \u00e9", 2, 9, RatingAnswer.Maybe, t)]);

        var input = (await ReadAsync(RaterRole.Crowd)).Input;

        Assert.Equal(["tool:\"quoted\" \u00e9"], input.RaterIds);
        Assert.Equal(2, input.QuestionImage[0]);
        Assert.Equal(9, input.QuestionLabel[0]);
        Assert.Equal(Answer.Maybe, input.Votes.AnswerOf(0, 0));
    }

    [Fact]
    public async Task A_rating_of_an_unknown_image_is_an_error_naming_stream_and_position()
    {
        await _fixture.AppendRatingsAsync([StoreFixture.Rating("bad", "tool:a", 0, 1, RatingAnswer.Yes, StoreFixture.Epoch) with { Image = "nope.jpg" }], source: "broken");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(RaterRole.Crowd));
        Assert.Contains("Stream 'ratings-broken' revision 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("image 'nope.jpg' is not an image of data set 'test-set'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_label_outside_the_classes_is_an_error()
    {
        await _fixture.AppendRatingsAsync([StoreFixture.Rating("bad", "tool:a", 0, 10, RatingAnswer.Yes, StoreFixture.Epoch)]);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(RaterRole.Crowd));
        Assert.Contains("label 10 is not a class", error.Message, StringComparison.Ordinal);
    }

    private async Task<RatingLogSnapshot> ReadAsync(RaterRole role) =>
        await new RatingLogReader(_fixture.Store).ReadAsync(_dataset, role, await _fixture.Store.GetHeadPositionAsync());
}
