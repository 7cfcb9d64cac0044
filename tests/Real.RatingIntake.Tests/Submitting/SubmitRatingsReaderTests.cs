using Real.Contracts;
using Real.Contracts.Messages.Intake;
using Real.RatingIntake.Submitting;
using static Real.RatingIntake.Tests.Submitting.SubmissionJson;

namespace Real.RatingIntake.Tests.Submitting;

public sealed class SubmitRatingsReaderTests
{
    [Fact]
    public void Reads_both_ways_of_naming_a_question()
    {
        var json = Batch("b1", [Rating("r1"), """{"ratingId":"r2","taskId":"t-9","label":3,"raterId":"acme:bob","answer":"maybe","answeredAt":"2025-01-31T13:00:00.250+01:00"}"""]);

        var parsed = SubmitRatingsReader.Read(Bytes(json));

        Assert.Empty(parsed.BatchErrors);
        Assert.Empty(parsed.Rejections);
        Assert.Equal(("acme", "b1", "imagenet-val"), (parsed.ToolId, parsed.BatchId, parsed.DatasetId));
        Assert.Equal(new SubmittedRating("r1", null, "ILSVRC2012_val_00000001.JPEG", 65, "acme:r1", RatingAnswer.Yes, new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero)), parsed.Ratings[0].Rating);
        Assert.Equal(new SubmittedRating("r2", "t-9", null, 3, "acme:bob", RatingAnswer.Maybe, new DateTimeOffset(2025, 1, 31, 13, 0, 0, 250, TimeSpan.FromHours(1))), parsed.Ratings[1].Rating);
    }

    [Theory]
    [InlineData("", "$", "empty")]
    [InlineData("{\"toolId\":\"acme\",\"batchId\":\"b", "$", "not valid JSON")]
    [InlineData("[1,2]", "$", "expected a JSON object, got an array")]
    [InlineData("{\"batchId\":\"b\",\"datasetId\":\"d\",\"ratings\":[]}", "toolId", "missing")]
    [InlineData("{\"toolId\":7,\"batchId\":\"b\",\"datasetId\":\"d\",\"ratings\":[]}", "toolId", "expected a string, got a number")]
    [InlineData("{\"toolId\":\"Acme Tool\",\"batchId\":\"b\",\"datasetId\":\"d\",\"ratings\":[{}]}", "toolId", "a tool id is")]
    [InlineData("{\"toolId\":\"acme\",\"batchId\":\"b\",\"datasetId\":\"d\",\"ratings\":{}}", "ratings", "expected an array")]
    [InlineData("{\"toolId\":\"acme\",\"batchId\":\"b\",\"datasetId\":\"d\",\"ratings\":[]}", "ratings", "no ratings")]
    public void Rejects_a_broken_batch_whole_naming_the_field(string json, string field, string reason)
    {
        var parsed = SubmitRatingsReader.Read(Bytes(json));

        var error = Assert.Single(parsed.BatchErrors, e => e.Field == field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Empty(parsed.Ratings);
    }

    [Fact]
    public void Rejects_non_utf8_bytes_with_the_position()
    {
        var body = Bytes(Batch("b1", [Rating("r1", rater: "XX")]));
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3;
        body[at + 1] = 0x28; // an invalid two-byte sequence

        var error = Assert.Single(SubmitRatingsReader.Read(body).BatchErrors);

        Assert.Contains("not valid UTF-8: invalid byte sequence at byte " + at, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_oversize_batch_before_reading_ratings()
    {
        var json = Batch("big", Enumerable.Range(0, SubmitRatings.MaxRatingsPerBatch + 1).Select(i => Rating($"r{i}")));

        var error = Assert.Single(SubmitRatingsReader.Read(Bytes(json)).BatchErrors);

        Assert.Equal("ratings", error.Field);
        Assert.Contains("at most 10000", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"answer\":\"yes\"", "\"answer\":\"YES\"", "answer", "\"YES\"")]
    [InlineData("\"answer\":\"yes\"", "\"answer\":\"definitely\"", "answer", "\"definitely\"")]
    [InlineData("\"answer\":\"yes\"", "\"answer\":2", "answer", "2")]
    [InlineData("\"label\":65", "\"label\":\"65\"", "label", "\"65\"")]
    [InlineData("\"label\":65", "\"label\":-1", "label", "-1")]
    [InlineData("\"label\":65", "\"label\":6.5", "label", "6.5")]
    [InlineData("\"label\":65,", "", "label", null)]
    [InlineData("\"answeredAt\":\"2025-01-31T12:00:00Z\"", "\"answeredAt\":\"2025-01-31T12:00:00\"", "answeredAt", "\"2025-01-31T12:00:00\"")]
    [InlineData("\"answeredAt\":\"2025-01-31T12:00:00Z\"", "\"answeredAt\":\"2025-02-30T12:00:00Z\"", "answeredAt", "\"2025-02-30T12:00:00Z\"")]
    [InlineData("\"answeredAt\":\"2025-01-31T12:00:00Z\"", "\"answeredAt\":1738324800", "answeredAt", "1738324800")]
    [InlineData("\"raterId\":\"acme:r1\",", "\"raterId\":[\"acme:r1\"],", "raterId", "[\"acme:r1\"]")]
    public void Rejects_one_malformed_rating_and_keeps_its_neighbours(string valid, string broken, string field, string? value)
    {
        var bad = Rating("bad").Replace(valid, broken, StringComparison.Ordinal);
        var parsed = SubmitRatingsReader.Read(Bytes(Batch("b1", [Rating("good1"), bad, Rating("good2")])));

        Assert.Empty(parsed.BatchErrors);
        Assert.Equal(["good1", "good2"], parsed.Ratings.Select(r => r.Rating.RatingId));
        var rejection = Assert.Single(parsed.Rejections);
        Assert.Equal(("bad", 1, $"ratings[1].{field}", value), (rejection.RatingId, rejection.Index, rejection.Field, rejection.Value));
    }

    [Fact]
    public void Treats_an_exact_repeat_as_one_rating_and_a_changed_repeat_as_an_error()
    {
        var parsed = SubmitRatingsReader.Read(Bytes(Batch("b1", [Rating("r1"), Rating("r1"), Rating("r1", answer: "no")])));

        Assert.Equal(["r1"], parsed.Ratings.Select(r => r.Rating.RatingId));
        var rejection = Assert.Single(parsed.Rejections);
        Assert.Equal((2, "ratings[2].ratingId"), (rejection.Index, rejection.Field));
        Assert.Contains("ratings[0]", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Needs_a_task_or_an_image()
    {
        var parsed = SubmitRatingsReader.Read(Bytes(Batch("b1", ["""{"ratingId":"r1","label":3,"raterId":"acme:a","answer":"no","answeredAt":"2025-01-31T12:00:00Z"}"""])));

        Assert.Equal("ratings[0].taskId", Assert.Single(parsed.Rejections).Field);
    }
}
