using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Contracts.Events.Proposals;
using Real.RatingIntake.Catalog;
using Real.RatingIntake.Tests.Support;

namespace Real.RatingIntake.Tests.Catalog;

public sealed class QuestionCatalogTests : IAsyncLifetime
{
    private IntakeFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await IntakeFixture.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public void Knows_data_sets_questions_and_task_candidates()
    {
        var (registered, classes, images, q1, q2, taskQuestion, unknown) = _fixture.Catalog.Read(view =>
        {
            var toy = view.Dataset(IntakeFixture.Dataset)!;
            return (toy.IsRegistered, toy.ClassCount, toy.ImageCount, toy.HasQuestion("a.jpg", 1), toy.HasQuestion("a.jpg", 2), toy.HasQuestion("c.jpg", 2), view.Dataset("nope"));
        });

        Assert.True(registered);
        Assert.Equal((3, 4), (classes, images));
        Assert.True(q1);
        Assert.False(q2);
        Assert.True(taskQuestion);
        Assert.Null(unknown);
        Assert.Equal(["c.jpg"], _fixture.Catalog.Read(view => new[] { view.Task("t1")!.Image }));
    }

    [Fact]
    public async Task Catches_up_incrementally_from_its_last_position()
    {
        var before = _fixture.Catalog.DatasetPosition;
        await _fixture.AppendAsync(StreamNames.Dataset(IntakeFixture.Dataset), new QuestionsRegistered(IntakeFixture.Dataset, "more", [new("d.jpg", 1)]));
        await _fixture.AppendAsync(StreamNames.Tasks(IntakeFixture.Dataset), new RatingTaskIssued("t5", IntakeFixture.Dataset, "b.jpg", [0], ""));

        Assert.False(_fixture.Catalog.Read(view => view.Dataset(IntakeFixture.Dataset)!.HasQuestion("d.jpg", 1)));
        await _fixture.Catalog.CatchUpAsync();

        Assert.True(_fixture.Catalog.Read(view => view.Dataset(IntakeFixture.Dataset)!.HasQuestion("d.jpg", 1)));
        Assert.True(_fixture.Catalog.Read(view => view.Dataset(IntakeFixture.Dataset)!.HasQuestion("b.jpg", 0)));
        Assert.True(_fixture.Catalog.DatasetPosition > before);
        Assert.Equal(await _fixture.Store.GetHeadPositionAsync(), _fixture.Catalog.TasksPosition);
    }

    [Fact]
    public async Task Ignores_other_categories_and_unknown_event_types()
    {
        await _fixture.AppendAsync(StreamNames.Ratings("acme"), new QuestionsRegistered(IntakeFixture.Dataset, "wrong stream", [new("d.jpg", 2)]));
        await _fixture.Store.AppendToStreamAsync(StreamNames.Dataset(IntakeFixture.Dataset), EventStore.ExpectedRevision.Any, [new EventStore.EventData(Guid.NewGuid(), "SomethingElse", "{}"u8.ToArray())]);

        await _fixture.Catalog.CatchUpAsync();

        Assert.False(_fixture.Catalog.Read(view => view.Dataset(IntakeFixture.Dataset)!.HasQuestion("d.jpg", 2)));
        Assert.Equal(await _fixture.Store.GetHeadPositionAsync(), _fixture.Catalog.DatasetPosition);
    }

    [Fact]
    public async Task Questions_of_an_unregistered_data_set_do_not_make_it_known()
    {
        await _fixture.AppendAsync(StreamNames.Dataset("later"), new QuestionsRegistered("later", "x", [new("a.jpg", 0)]));
        await _fixture.Catalog.CatchUpAsync();
        Assert.Null(_fixture.Catalog.Read(view => view.Dataset("later")));

        await _fixture.AppendAsync(StreamNames.Dataset("later"), new DatasetRegistered("later", "Later", ["a", "b"], ["a.jpg"], [0]));
        await _fixture.Catalog.CatchUpAsync();
        Assert.True(_fixture.Catalog.Read(view => view.Dataset("later")!.HasQuestion("a.jpg", 0)));
    }
}
