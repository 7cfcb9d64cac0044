using Real.EventStore.Subscriptions;

namespace Real.EventStore.Tests.Conformance;

/// <summary>Catch-up subscriptions with durable checkpoints: resume after a restart with no gap and no duplicate.</summary>
public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task A_subscription_catches_up_then_follows_live_appends()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, NewEvents(12));
        var seen = new List<long>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var subscription = Subscribe(Store, "follow", seen);
        var running = subscription.RunAsync(stop.Token);

        await subscription.WaitForPositionAsync(12, stop.Token);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, NewEvents(3));
        await subscription.WaitForPositionAsync(15, stop.Token);
        await stop.CancelAsync();
        await running;

        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), seen);
        Assert.Equal(15, await Store.LoadCheckpointAsync("follow"));
    }

    [Fact]
    public async Task A_subscription_resumes_after_a_restart_from_its_checkpoint_with_no_gap_and_no_duplicate()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, NewEvents(10));
        var seen = new List<long>();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            var first = Subscribe(Store, "resume", seen);
            var running = first.RunAsync(stop.Token);
            await first.WaitForPositionAsync(10, stop.Token);
            await stop.CancelAsync();
            await running;
        }

        // Written while the subscriber is down; then the process "restarts" with a new store instance.
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, NewEvents(9));
        var restarted = await OpenStoreAsync();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            var second = Subscribe(restarted, "resume", seen);
            var running = second.RunAsync(stop.Token);
            await second.WaitForPositionAsync(19, stop.Token);
            await stop.CancelAsync();
            await running;
        }

        Assert.Equal(Enumerable.Range(1, 19).Select(i => (long)i), seen);
        Assert.Equal(19, await restarted.LoadCheckpointAsync("resume"));
    }

    [Fact]
    public async Task A_category_subscription_sees_only_its_category()
    {
        await Store.AppendToStreamAsync("ratings-a", ExpectedRevision.Any, NewEvents(4));
        await Store.AppendToStreamAsync("labelset-1", ExpectedRevision.Any, NewEvents(4));
        await Store.AppendToStreamAsync("ratings-b", ExpectedRevision.Any, NewEvents(4));
        var seen = new List<long>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var subscription = Subscribe(Store, "ratings-only", seen, category: "ratings");
        var running = subscription.RunAsync(stop.Token);

        await subscription.WaitForPositionAsync(12, stop.Token);
        await stop.CancelAsync();
        await running;

        Assert.Equal([1L, 2, 3, 4, 9, 10, 11, 12], seen);
    }

    [Fact]
    public async Task A_failing_handler_stops_the_subscription_with_its_checkpoint_before_the_failed_event()
    {
        await Store.AppendToStreamAsync(NewStream(), ExpectedRevision.Any, NewEvents(10));
        var seen = new List<long>();
        var failing = new CatchUpSubscription(Store, Store, "fails", (e, _) =>
        {
            if (e.GlobalPosition == 6)
            {
                throw new InvalidOperationException("handler failed at 6");
            }

            seen.Add(e.GlobalPosition);
            return ValueTask.CompletedTask;
        }, new CatchUpSubscriptionOptions { PageSize = 4 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.RunAsync(CancellationToken.None));

        Assert.Equal("handler failed at 6", error.Message);
        Assert.Equal([1L, 2, 3, 4, 5], seen);
        Assert.Equal(5, await Store.LoadCheckpointAsync("fails"));
    }

    [Fact]
    public async Task Checkpoints_are_per_subscriber_and_durable()
    {
        Assert.Null(await Store.LoadCheckpointAsync("a"));
        await Store.StoreCheckpointAsync("a", 5);
        await Store.StoreCheckpointAsync("b", 7);
        await Store.StoreCheckpointAsync("a", 9);

        var reopened = await OpenStoreAsync();

        Assert.Equal(9, await reopened.LoadCheckpointAsync("a"));
        Assert.Equal(7, await reopened.LoadCheckpointAsync("b"));
    }

    private static CatchUpSubscription Subscribe(IEventStore store, string id, List<long> seen, string? category = null) =>
        new(store, store, id, (e, _) =>
        {
            seen.Add(e.GlobalPosition);
            return ValueTask.CompletedTask;
        }, new CatchUpSubscriptionOptions { Category = category, PageSize = 4, CheckpointEvery = 3, PollInterval = TimeSpan.FromMilliseconds(20) });
}
