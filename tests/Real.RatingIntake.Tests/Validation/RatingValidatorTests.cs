using Real.Contracts;
using Real.RatingIntake.Tests.Support;
using Real.RatingIntake.Validation;
using static Real.RatingIntake.Tests.Support.IntakeFixture;

namespace Real.RatingIntake.Tests.Validation;

public sealed class RatingValidatorTests : IAsyncLifetime
{
    private IntakeFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await IntakeFixture.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public void A_rating_of_a_registered_question_is_valid()
    {
        var result = _fixture.Validator.Validate(Batch(Rating("r1", "a.jpg", 1)));

        var valid = Assert.Single(result.Valid);
        Assert.Equal((0, "a.jpg", 1), (valid.Index, valid.Image, valid.Label));
        Assert.Null(result.Problems[0]);
    }

    [Fact]
    public void A_rating_of_a_task_candidate_is_valid_and_resolves_the_image()
    {
        var result = _fixture.Validator.Validate(Batch(Rating("r1", image: null, label: 2, task: "t1")));

        Assert.Equal("c.jpg", Assert.Single(result.Valid).Image);
    }

    [Theory]
    [InlineData("", "ratingId", null, "missing")]
    [InlineData("bad\u0001id", "ratingId", "bad\u0001id", "control characters")]
    public void Rating_ids_must_be_present_and_printable(string id, string field, string? value, string reason) =>
        AssertRejected(Rating(id), field, value ?? (id.Length == 0 ? "" : id), reason);

    [Fact]
    public void An_overlong_rating_id_is_rejected()
    {
        var id = new string('x', RatingLimits.MaxIdLength + 1);

        var problem = Reject(Rating(id));

        Assert.Equal("ratingId", problem.Field);
        Assert.Contains("longer than 200", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("other:r1", "may only submit raters of its namespace, \"acme:<rater>\"")]
    [InlineData("r1", "may only submit raters of its namespace")]
    [InlineData("acme:", "nothing follows the namespace")]
    [InlineData(" ", "missing")]
    public void Rater_ids_must_be_in_the_tools_namespace(string rater, string reason) =>
        AssertRejected(Rating("r1", rater: rater), "raterId", rater, reason);

    [Fact]
    public void An_answer_outside_the_vocabulary_is_rejected() =>
        AssertRejected(Rating("r1", answer: (RatingAnswer)7), "answer", "7", "no, maybe or yes");

    [Fact]
    public void Answered_at_before_2000_is_rejected() =>
        AssertRejected(Rating("r1", at: new DateTimeOffset(1999, 12, 31, 23, 0, 0, TimeSpan.Zero)), "answeredAt", "1999-12-31T23:00:00.0000000+00:00", "before 2000-01-01");

    [Fact]
    public void Answered_at_in_the_future_beyond_the_skew_is_rejected_but_within_it_accepted()
    {
        AssertRejected(Rating("r1", at: Now.AddMinutes(6)), "answeredAt", Now.AddMinutes(6).ToString("O", System.Globalization.CultureInfo.InvariantCulture), "in the future");
        Assert.Single(_fixture.Validator.Validate(Batch(Rating("r2", at: Now.AddMinutes(4)))).Valid);
    }

    [Theory]
    [InlineData("a.jpg", 2, "label", "2", "question (image 'a.jpg', label 2) is not registered")]
    [InlineData("a.jpg", 3, "label", "3", "not a class of data set 'toy' (0..2)")]
    [InlineData("a.jpg", -1, "label", "-1", "not a class")]
    [InlineData("z.jpg", 0, "image", "z.jpg", "not an image of data set 'toy'")]
    [InlineData(null, 0, "image", null, "give a taskId, or an image and a label")]
    public void Questions_must_be_registered(string? image, int label, string field, string? value, string reason) =>
        AssertRejected(Rating("r1", image, label), field, value, reason);

    [Fact]
    public void Task_ratings_must_name_an_issued_task_and_one_of_its_candidates()
    {
        AssertRejected(Rating("r1", image: null, task: "t9"), "taskId", "t9", "no such rating task");
        AssertRejected(Rating("r2", image: null, label: 1, task: "t1"), "label", "1", "not a candidate of task 't1' (candidates: 0, 2)");
        AssertRejected(Rating("r3", image: "a.jpg", label: 0, task: "t1"), "image", "a.jpg", "task 't1' is about image 'c.jpg'");
    }

    [Fact]
    public async Task A_task_of_another_data_set_is_rejected()
    {
        await _fixture.AppendAsync(StreamNames.Tasks("other"), new Contracts.Events.Proposals.RatingTaskIssued("t2", "other", "x.jpg", [1], ""));
        await _fixture.Catalog.CatchUpAsync();

        AssertRejected(Rating("r1", image: null, label: 1, task: "t2"), "taskId", "t2", "belongs to data set 'other', not 'toy'");
    }

    [Fact]
    public void An_unknown_data_set_rejects_the_whole_batch()
    {
        var result = _fixture.Validator.Validate(new RatingBatch(SubmittingTool.For("acme"), "b1", "nope", [Rating("r1"), Rating("r2")]));

        Assert.Empty(result.Valid);
        Assert.Equal(new RatingProblem("datasetId", "nope", "no such data set is registered (import or register it first)"), result.BatchProblem);
        Assert.All(result.Problems, p => Assert.Same(result.BatchProblem, p));
    }

    [Fact]
    public void A_batch_over_the_limit_is_rejected_whole_and_one_at_the_limit_is_accepted()
    {
        var over = Enumerable.Range(0, RatingLimits.MaxRatingsPerBatch + 1).Select(i => Rating($"r{i}")).ToArray();

        var rejected = _fixture.Validator.Validate(Batch(over));
        var accepted = _fixture.Validator.Validate(Batch(over[..RatingLimits.MaxRatingsPerBatch]));

        Assert.Equal("ratings", rejected.BatchProblem?.Field);
        Assert.Equal("10001", rejected.BatchProblem?.Value);
        Assert.Contains("at most 10,000 ratings", rejected.BatchProblem?.Reason, StringComparison.Ordinal);
        Assert.Empty(rejected.Valid);
        Assert.Equal(RatingLimits.MaxRatingsPerBatch, accepted.Valid.Count);
    }

    [Theory]
    [InlineData("", "b1", "toolId")]
    [InlineData("a:b", "b1", "toolId")]
    [InlineData("acme tool", "b1", "toolId")]
    [InlineData("acme", "", "batchId")]
    public void Batch_level_ids_are_checked(string tool, string batchId, string field)
    {
        var result = _fixture.Validator.Validate(new RatingBatch(SubmittingTool.For(tool), batchId, Dataset, [Rating("r1", rater: $"{tool}:x")]));

        Assert.Equal(field, result.BatchProblem?.Field);
        Assert.Empty(result.Valid);
    }

    [Fact]
    public void An_empty_batch_is_rejected() =>
        Assert.Equal("ratings", _fixture.Validator.Validate(Batch()).BatchProblem?.Field);

    [Fact]
    public void An_exact_repeat_in_a_batch_points_at_the_first_copy()
    {
        var result = _fixture.Validator.Validate(Batch(Rating("r1"), Rating("r2", "b.jpg", 2), Rating("r1")));

        Assert.Equal([0, 1], result.Valid.Select(v => v.Index));
        Assert.Equal([-1, -1, 0], result.RepeatOf);
        Assert.All(result.Problems, p => Assert.Null(p));
    }

    [Fact]
    public void A_rating_id_used_twice_with_different_content_rejects_both_and_keeps_the_rest()
    {
        var result = _fixture.Validator.Validate(Batch(Rating("r1"), Rating("r2", "b.jpg", 2), Rating("r1", answer: RatingAnswer.No)));

        Assert.Equal([1], result.Valid.Select(v => v.Index));
        Assert.Equal("ratingId", result.Problems[0]?.Field);
        Assert.Contains("more than once with different content", result.Problems[2]?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void One_bad_rating_does_not_touch_its_neighbours()
    {
        var result = _fixture.Validator.Validate(Batch(Rating("r1"), Rating("r2", rater: "evil:x"), Rating("r3", "b.jpg", 2)));

        Assert.Equal([0, 2], result.Valid.Select(v => v.Index));
        Assert.Equal(1, result.RejectedCount);
    }

    [Fact]
    public void A_tool_with_a_configured_namespace_submits_for_that_namespace_only()
    {
        var tool = new SubmittingTool("real-raters-golden", "real", RaterRole.Crowd);

        var result = _fixture.Validator.Validate(new RatingBatch(tool, "b", Dataset, [Rating("r1", rater: "real:7"), Rating("r2", rater: "real-raters-golden:7")]));

        Assert.Equal([0], result.Valid.Select(v => v.Index));
        Assert.Equal("raterId", result.Problems[1]?.Field);
    }

    private RatingProblem Reject(IncomingRating rating)
    {
        var result = _fixture.Validator.Validate(Batch(rating));
        Assert.Empty(result.Valid);
        Assert.Null(result.BatchProblem);
        return Assert.IsType<RatingProblem>(result.Problems[0]);
    }

    private void AssertRejected(IncomingRating rating, string field, string? value, string reason)
    {
        var problem = Reject(rating);
        Assert.Equal(field, problem.Field);
        Assert.Equal(value, problem.Value);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }
}
