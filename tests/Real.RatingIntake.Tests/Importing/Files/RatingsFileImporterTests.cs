using System.Text;
using Real.Contracts;
using Real.RatingIntake.Importing.Files;
using Real.RatingIntake.Tests.Support;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Tests.Importing.Files;

public sealed class RatingsFileImporterTests : IAsyncLifetime
{
    private IntakeFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await IntakeFixture.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private string WriteFile(string name, string text) => WriteFile(name, Encoding.UTF8.GetBytes(text));

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(_fixture.Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private Task<RatingsFileImportReport> Import(string path, int batchSize = 5000) =>
        new RatingsFileImporter(_fixture.Recorder) { BatchSize = batchSize }.ImportAsync(path, SubmittingTool.For("acme"), IntakeFixture.Dataset);

    [Fact]
    public async Task Csv_rows_are_recorded_and_bad_rows_reported_by_line()
    {
        var path = WriteFile(
            "ratings.csv",
            "ratingId,image,label,raterId,answer,answeredAt\n"
            + "r1,a.jpg,0,acme:u1,yes,2024-04-30T10:00:00Z\n"
            + "r2,a.jpg,1,acme:u1,sure,2024-04-30T10:00:00Z\n"
            + "r3,a.jpg,x,acme:u1,no,2024-04-30T10:00:00Z\n"
            + "r4,a.jpg,1,acme:u1,no,yesterday\n"
            + "r5,a.jpg,1,acme:u1,no,2024-04-30T10:00:00\n"
            + "\n"
            + "r6,\"b.jpg\",2,acme:u2,MAYBE,2024-04-30T10:00:00+02:00\n"
            + "r7,a.jpg,2,acme:u2,no,2024-04-30T10:00:00Z\n"
            + "r8,a.jpg,1,acme:u2\n"
            + "r9,a.jpg,1,other:u2,no,2024-04-30T10:00:00Z\n");

        var report = await Import(path);

        Assert.Equal((9, 2, 0), (report.Rows, report.Recorded, report.Duplicates));
        Assert.Equal(
            [(3, "answer", "sure"), (4, "label", "x"), (5, "answeredAt", "yesterday"), (6, "answeredAt", "2024-04-30T10:00:00"), (9, "label", "2"), (10, "row", "r8,a.jpg,1,acme:u2"), (11, "raterId", "other:u2")],
            report.Rejections.Select(r => (r.Row, r.Problem.Field, r.Problem.Value)));
        Assert.Contains("not registered", report.Rejections[4].Problem.Reason, StringComparison.Ordinal);
        var ratings = await _fixture.RatingsAsync();
        Assert.Equal(["r1", "r6"], ratings.Select(r => r.RatingId));
        Assert.Equal((RatingAnswer.Maybe, new DateTimeOffset(2024, 4, 30, 8, 0, 0, TimeSpan.Zero), "file:ratings.csv"), (ratings[1].Answer, ratings[1].AnsweredAt.ToUniversalTime(), ratings[1].BatchId));
    }

    [Fact]
    public async Task Csv_headers_may_use_snake_case_and_task_ids()
    {
        var path = WriteFile("t.csv", "rating_id,task_id,label,rater_id,answer,answered_at,dataset_id\nr1,t1,2,acme:u1,yes,2024-04-30T10:00:00Z,toy\n");

        var report = await Import(path);

        Assert.Equal(1, report.Recorded);
        Assert.Equal(("c.jpg", "t1"), ((await _fixture.RatingsAsync())[0].Image, (await _fixture.RatingsAsync())[0].TaskId));
    }

    [Theory]
    [InlineData("ratingId,image,label,raterId,answer,anwseredAt\n", "unknown column 'anwseredAt'")]
    [InlineData("ratingId,label,raterId,answer,answeredAt\n", "the header lacks image or taskId")]
    [InlineData("ratingId,image,raterId,answeredAt\n", "the header lacks label, answer")]
    [InlineData("ratingId,image,image,label,raterId,answer,answeredAt\n", "column 'image' appears twice")]
    public async Task A_bad_csv_header_fails_the_whole_file(string header, string expected)
    {
        var path = WriteFile("h.csv", header + "r1,a.jpg,0,acme:u1,yes,2024-04-30T10:00:00Z\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Import(path));

        Assert.Contains("h.csv row 1: " + expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _fixture.RatingsAsync());
    }

    [Fact]
    public async Task Csv_quoting_errors_and_invalid_utf8_are_row_errors()
    {
        var head = Encoding.UTF8.GetBytes("ratingId,image,label,raterId,answer,answeredAt\nr1,a\"b.jpg,0,acme:u1,yes,2024-04-30T10:00:00Z\nr2,");
        var bad = new byte[] { 0xC3, 0x28 };
        var tail = Encoding.UTF8.GetBytes(".jpg,0,acme:u1,yes,2024-04-30T10:00:00Z\nr3,a.jpg,0,acme:u1,yes,2024-04-30T10:00:00Z\n");
        var path = WriteFile("q.csv", [.. head, .. bad, .. tail]);

        var report = await Import(path);

        Assert.Equal(1, report.Recorded);
        Assert.Equal([(2, "row"), (3, "image")], report.Rejections.Select(r => (r.Row, r.Problem.Field)));
        Assert.Contains("malformed CSV", report.Rejections[0].Problem.Reason, StringComparison.Ordinal);
        Assert.Equal("not valid UTF-8", report.Rejections[1].Problem.Reason);
    }

    [Fact]
    public async Task Json_lines_are_recorded_and_bad_lines_reported_by_line()
    {
        var lines = new[]
        {
            """{"ratingId":"r1","image":"a.jpg","label":0,"raterId":"acme:u1","answer":"yes","answeredAt":"2024-04-30T10:00:00Z"}""",
            """{"ratingId":"r2","image":"a.jpg","label":1,"raterId":"acme:u1","answer":"yes","answeredAt":"2024-04-30T10""",
            """{"ratingId":"r3","image":"a.jpg","label":"1","raterId":"acme:u1","answer":"yes","answeredAt":"2024-04-30T10:00:00Z"}""",
            """{"ratingId":"r4","image":"a.jpg","label":1,"raterId":"acme:u1","answer":"perhaps","answeredAt":"2024-04-30T10:00:00Z"}""",
            "",
            """{"ratingId":"r5","image":"a.jpg","label":1,"raterId":"acme:u1","answer":"no","answeredAt":"2024-04-30T10:00:00Z","colour":"red"}""",
            """{"ratingId":"r6","image":"a.jpg","label":1,"raterId":"acme:u1","answeredAt":"2024-04-30T10:00:00Z"}""",
            """[1,2,3]""",
            """{"ratingId":7,"image":"a.jpg","label":1,"raterId":"acme:u1","answer":"no","answeredAt":"2024-04-30T10:00:00Z"}""",
            """{"image":"a.jpg","label":1,"raterId":"acme:u1","answer":"no","answeredAt":"2024-04-30T10:00:00Z"}""",
            """{"ratingId":"r8","taskId":"t1","label":2,"raterId":"acme:u1","answer":"no","answeredAt":"2024-04-30T10:00:00Z","datasetId":"toy"}""",
        };
        var path = WriteFile("ratings.jsonl", string.Join("\n", lines));

        var report = await Import(path, batchSize: 2);

        Assert.Equal((10, 2), (report.Rows, report.Recorded));
        Assert.Equal(
            [(2, "line"), (3, "label"), (4, "answer"), (6, "colour"), (7, "answer"), (8, "line"), (9, "ratingId"), (10, "ratingId")],
            report.Rejections.Select(r => (r.Row, r.Problem.Field)));
        Assert.Contains("not valid JSON", report.Rejections[0].Problem.Reason, StringComparison.Ordinal);
        Assert.Equal("missing", report.Rejections[7].Problem.Reason);
        Assert.Equal(["r1", "r8"], (await _fixture.RatingsAsync()).Select(r => r.RatingId));
    }

    [Fact]
    public async Task A_json_line_with_invalid_utf8_is_a_line_error()
    {
        var good = Encoding.UTF8.GetBytes("""{"ratingId":"r1","image":"a.jpg","label":0,"raterId":"acme:u1","answer":"yes","answeredAt":"2024-04-30T10:00:00Z"}""" + "\n");
        var bad = Encoding.UTF8.GetBytes("""{"ratingId":"r2","image":"a""").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes(""".jpg","label":0,"raterId":"acme:u1","answer":"yes","answeredAt":"2024-04-30T10:00:00Z"}""")).ToArray();
        var path = WriteFile("u.jsonl", [.. good, .. bad]);

        var report = await Import(path);

        Assert.Equal(1, report.Recorded);
        Assert.Equal((2, "line"), (Assert.Single(report.Rejections).Row, report.Rejections[0].Problem.Field));
    }

    [Fact]
    public async Task Re_importing_a_file_records_nothing_new()
    {
        var path = WriteFile("r.csv", "ratingId,image,label,raterId,answer,answeredAt\nr1,a.jpg,0,acme:u1,yes,2024-04-30T10:00:00Z\nr2,b.jpg,2,acme:u1,no,2024-04-30T10:00:00Z\n");
        await Import(path);
        var head = await _fixture.Store.GetHeadPositionAsync();

        var again = await Import(path, batchSize: 1);

        Assert.Equal((0, 2), (again.Recorded, again.Duplicates));
        Assert.Equal(head, await _fixture.Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task The_format_comes_from_the_extension_and_a_missing_file_is_named()
    {
        Assert.Equal(RatingFileFormat.JsonLines, RatingsFileImporter.DetectFormat("x.ndjson"));
        Assert.Throws<ArgumentException>(() => RatingsFileImporter.DetectFormat("x.txt"));
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => Import(Path.Combine(_fixture.Directory, "none.csv")));
        Assert.Contains("none.csv", error.Message, StringComparison.Ordinal);
    }
}
