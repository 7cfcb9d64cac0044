using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.RatingIntake.Importing.RealVotes;
using Real.RatingIntake.Tests.Support;

namespace Real.RatingIntake.Tests.Importing.RealVotes;

public sealed class RealVotesImporterTests : IAsyncLifetime
{
    private readonly RealVotesFixtureFiles _files = new();
    private IntakeFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await IntakeFixture.CreateEmptyAsync();

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        _files.Dispose();
    }

    private RealVotesImporter Importer(int batchSize = 4) =>
        new(_fixture.Store, _fixture.Serializer, _fixture.Recorder) { BatchSize = batchSize };

    [Fact]
    public async Task Registers_the_data_set_questions_and_every_vote()
    {
        var report = await Importer().ImportAsync(_files.Votes, _files.ImageNet);

        Assert.Equal(0, report.Rejected);
        Assert.Equal(
            [RealVotesFixtureFiles.RatersVotes, RealVotesFixtureFiles.GoldenVotes, RealVotesFixtureFiles.RatersGoldenVotes],
            report.Files.Select(f => f.Recorded));
        Assert.Equal(1 + 3 + 9 + 4 + 3, report.EventsAppended);
        Assert.Equal(report.EventsAppended, await _fixture.Store.GetHeadPositionAsync());

        var dataset = await Single<DatasetRegistered>(StreamNames.Dataset(StreamNames.ImageNetVal));
        Assert.Equal(["tench", "goldfish", "water bottle"], dataset.ClassNames);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"ILSVRC2012_val_{i:D8}.JPEG"), dataset.ImageFiles);
        Assert.Equal([0, 2, 1, 1, 0, 2], dataset.OriginalLabels);

        var questions = await All<QuestionsRegistered>(StreamNames.Dataset(StreamNames.ImageNetVal));
        Assert.Equal(["real", "real-golden", "real-raters-golden"], questions.Select(q => q.Source));
        Assert.Equal(RealVotesFixtureFiles.Questions.Select(q => new QuestionRef(q.Item1, q.Item2)), questions[0].Questions);
    }

    [Fact]
    public async Task Maps_each_archive_to_its_tool_stream_raters_and_role()
    {
        await Importer().ImportAsync(_files.Votes, _files.ImageNet);

        var crowd = await _fixture.RatingsAsync("real");
        var experts = await _fixture.RatingsAsync("real-golden");
        var goldenCrowd = await _fixture.RatingsAsync("real-raters-golden");

        // Tensor order: rater 189's answers first.
        Assert.Equal(
            new RatingRecorded("raters:189:ILSVRC2012_val_00000001.JPEG:0", "real", "raters.npz", "real:189", RaterRole.Crowd, StreamNames.ImageNetVal, "ILSVRC2012_val_00000001.JPEG", 0, RatingAnswer.Yes, RealVotesMapping.AnsweredAt, null),
            crowd[0]);
        Assert.Equal(["real:189", "real:189", "real:189", "real:111", "real:111", "real:111", "real:183", "real:183", "real:183"], crowd.Select(r => r.RaterId));
        Assert.Equal(
            [RatingAnswer.Yes, RatingAnswer.No, RatingAnswer.Maybe, RatingAnswer.Yes, RatingAnswer.No, RatingAnswer.No, RatingAnswer.No, RatingAnswer.Yes, RatingAnswer.Yes],
            crowd.Select(r => r.Answer));
        Assert.All(experts, r => Assert.Equal((RaterRole.Expert, "real-golden"), (r.Role, r.ToolId)));
        Assert.Equal(["real-golden:168", "real-golden:168", "real-golden:121", "real-golden:121"], experts.Select(r => r.RaterId));
        Assert.Equal(["real:189", "real:189", "real:183"], goldenCrowd.Select(r => r.RaterId));
        Assert.All(goldenCrowd, r => Assert.Equal((RaterRole.Control, "raters_golden.npz"), (r.Role, r.BatchId)));
        Assert.StartsWith("raters_golden:189:", goldenCrowd[0].RatingId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_import_appends_nothing()
    {
        await Importer().ImportAsync(_files.Votes, _files.ImageNet);
        var head = await _fixture.Store.GetHeadPositionAsync();

        var again = await Importer(batchSize: 3).ImportAsync(_files.Votes, _files.ImageNet);

        Assert.Equal(0, again.EventsAppended);
        Assert.Equal(head, await _fixture.Store.GetHeadPositionAsync());
        Assert.Equal(RealVotesFixtureFiles.RatersVotes, again.Files[0].Duplicates);
        Assert.Equal(0, again.Rejected);
    }

    [Fact]
    public async Task A_missing_archive_fails_before_anything_is_written()
    {
        File.Delete(Path.Combine(_files.Votes, "golden.npz"));

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => Importer().ImportAsync(_files.Votes, _files.ImageNet));

        Assert.Contains("golden.npz", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _fixture.Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task A_corrupt_archive_fails_naming_it_before_anything_is_written()
    {
        File.WriteAllText(Path.Combine(_files.Votes, "raters_golden.npz"), "this is not a zip");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Importer().ImportAsync(_files.Votes, _files.ImageNet));

        Assert.Contains("raters_golden.npz: not a valid .npz (zip) archive", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _fixture.Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task A_question_outside_the_data_set_is_an_error_naming_the_file()
    {
        Testing.Npy.RealVotesFixture.Write(Path.Combine(_files.Votes, "golden.npz"), [1], [("ILSVRC2012_val_00000002.JPEG", 7)], [[2]]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Importer().ImportAsync(_files.Votes, _files.ImageNet));

        Assert.Contains("golden.npz: question 0 (ILSVRC2012_val_00000002.JPEG) has label 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_set_registered_with_other_content_is_not_overwritten()
    {
        await _fixture.AppendAsync(StreamNames.Dataset(StreamNames.ImageNetVal), new DatasetRegistered(StreamNames.ImageNetVal, "other", ["a"], ["x.jpg"], [0]));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Importer().ImportAsync(_files.Votes, _files.ImageNet));

        Assert.Contains("already registered with other classes, images or labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_equal_registration_by_someone_else_is_kept()
    {
        var metadata = Data.ImageNet.ImageNetMetadata.Load(_files.ImageNet);
        await _fixture.AppendAsync(StreamNames.Dataset(StreamNames.ImageNetVal), ImageNetDatasetRegistration.Build(metadata) with { Name = "renamed" });

        var report = await Importer().ImportAsync(_files.Votes, _files.ImageNet);

        Assert.Equal(0, report.DatasetEventsAppended);
        Assert.Single(await All<DatasetRegistered>(StreamNames.Dataset(StreamNames.ImageNetVal)));
    }

    private async Task<T> Single<T>(string stream) => Assert.Single(await All<T>(stream));

    private async Task<List<T>> All<T>(string stream)
    {
        var list = new List<T>();
        var name = _fixture.Registry.NameOf(typeof(T));
        await foreach (var e in _fixture.Store.ReadStreamAsync(stream, Direction.Forwards, 0))
        {
            if (e.EventType == name)
            {
                list.Add(_fixture.Serializer.Deserialize<T>(e));
            }
        }

        return list;
    }
}
