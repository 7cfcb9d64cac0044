using Microsoft.Extensions.DependencyInjection;
using Real.Contracts;
using Real.Contracts.Messages.Intake;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.RatingIntake.Recording;
using Real.RatingIntake.Submitting;
using Real.RatingIntake.Tests.Support;

namespace Real.RatingIntake.Tests.Recording;

public sealed class SubmitRatingsRecorderTests : IAsyncLifetime
{
    private IntakeFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await IntakeFixture.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private static SubmittedRating Rating(string id, string? image = "a.jpg", int label = 0, string rater = "acme:u1", string? task = null) =>
        new(id, task, image, label, rater, RatingAnswer.Yes, IntakeFixture.Now.AddMinutes(-1));

    [Fact]
    public async Task Maps_a_bus_batch_through_the_recording_path_and_back()
    {
        var recorder = new SubmitRatingsRecorder(_fixture.Recorder);
        var batch = new SubmitRatings("acme", "b1", IntakeFixture.Dataset, [Rating("r1"), Rating("r2", "z.jpg"), Rating("r3", image: null, label: 2, task: "t1"), Rating("r4", rater: "evil:u")]);

        var outcomes = await recorder.RecordAsync(batch, CancellationToken.None);
        var again = await recorder.RecordAsync(batch, CancellationToken.None);

        Assert.Equal(
            [RatingOutcomeKind.Recorded, RatingOutcomeKind.Rejected, RatingOutcomeKind.Recorded, RatingOutcomeKind.Rejected],
            outcomes.Select(o => o.Kind));
        Assert.Equal(["r1", "r2", "r3", "r4"], outcomes.Select(o => o.RatingId));
        Assert.Equal(("image", "z.jpg"), (outcomes[1].Field, outcomes[1].Value));
        Assert.Equal(("raterId", "evil:u"), (outcomes[3].Field, outcomes[3].Value));
        Assert.Equal([RatingOutcomeKind.Duplicate, RatingOutcomeKind.Rejected, RatingOutcomeKind.Duplicate, RatingOutcomeKind.Rejected], again.Select(o => o.Kind));
        Assert.Equal(["r1", "r3"], (await _fixture.RatingsAsync()).Select(r => r.RatingId));
    }

    [Fact]
    public void The_container_resolves_the_recording_path_as_the_transports_recorder()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEventStore>(_fixture.Store);
        services.AddSingleton<IEventReader>(_fixture.Store);
        services.AddSingleton(_fixture.Registry);
        services.AddSingleton<EventSerializer>();
        services.AddRatingRecording();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<SubmitRatingsRecorder>(provider.GetRequiredService<IRatingBatchRecorder>());
        Assert.Same(provider.GetRequiredService<RatingRecorder>(), provider.GetRequiredService<RatingRecorder>());
    }
}
