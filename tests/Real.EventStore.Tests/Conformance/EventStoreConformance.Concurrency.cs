using System.Collections.Concurrent;
using Real.EventStore.Subscriptions;

namespace Real.EventStore.Tests.Conformance;

/// <summary>Writers racing each other, within one store instance and across instances (processes).</summary>
public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task Writers_with_the_same_expected_revision_race_and_exactly_one_wins()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, NewEvents(1));
        var other = await OpenStoreAsync();
        long current = 0;
        for (var round = 0; round < 5; round++)
        {
            var expected = ExpectedRevision.Exact(current);
            var attempts = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            {
                try
                {
                    await (i % 2 == 0 ? Store : other).AppendToStreamAsync(stream, expected, NewEvents(2));
                    return (Won: true, Actual: (long?)null);
                }
                catch (WrongExpectedVersionException ex)
                {
                    return (Won: false, ex.Actual);
                }
            }));

            var outcomes = await Task.WhenAll(attempts);

            Assert.Single(outcomes, o => o.Won);
            Assert.All(outcomes.Where(o => !o.Won), o => Assert.Equal(current + 2, o.Actual));
            current += 2;
            Assert.Equal(current, await Store.GetStreamRevisionAsync(stream));
        }
    }

    /// <summary>
    /// At least 8 writers (two store instances, like two processes) append small batches as fast as they can while a
    /// catch-up subscriber follows $all live. The subscriber must see every event exactly once, in position order,
    /// with no gap: the test for out-of-order commits.
    /// </summary>
    [Fact]
    public async Task Eight_concurrent_writers_and_a_live_subscriber_that_sees_every_event_once_in_order()
    {
        const int writers = 8;
        const int appendsPerWriter = 25;
        var second = await OpenStoreAsync();
        var seen = new ConcurrentQueue<RecordedEvent>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var subscription = new CatchUpSubscription(Store, Store, "live-" + Guid.NewGuid().ToString("N"), (e, _) =>
        {
            seen.Enqueue(e);
            return ValueTask.CompletedTask;
        }, new CatchUpSubscriptionOptions { PageSize = 5, PollInterval = TimeSpan.FromMilliseconds(5) });
        var running = subscription.RunAsync(stop.Token);

        var appended = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? Store : second;
            var ids = new List<Guid>();
            var shared = $"shared-{w % 3}";
            for (var i = 0; i < appendsPerWriter; i++)
            {
                var batch = NewEvents(1 + ((w + i) % 3));
                await store.AppendToStreamAsync(i % 4 == 0 ? shared : $"writer-{w}", ExpectedRevision.Any, batch);
                ids.AddRange(batch.Select(e => e.EventId));
            }

            return ids;
        })));
        var total = appended.Sum(ids => ids.Count);
        await subscription.WaitForPositionAsync(total, stop.Token);
        await stop.CancelAsync();
        await running;

        var positions = seen.Select(e => e.GlobalPosition).ToList();
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), positions);
        Assert.Equal(appended.SelectMany(ids => ids).Order(), seen.Select(e => e.EventId).Order());
        Assert.True((await VerifyAsync()).IsIntact);
    }
}
