using System.Diagnostics;
using Real.Contracts;
using Real.EventStore;

namespace Real.Hosting.Distributed;

/// <summary>
/// Pushes <see cref="SyntheticRatings"/> through RabbitMQ as a rating tool and measures until the store holds every
/// rating: batches are generated on the fly and published with a bounded window of unconfirmed publishes, so the
/// generator's memory stays flat whatever the count; a monitor samples the ratings stream's length and the submit
/// queue's depth. "Recorded" means appended to PostgreSQL by the intake service, not just accepted by the broker.
/// </summary>
public sealed class LoadRun(SyntheticRatings ratings, int batchSize, int window)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Reports (recorded, total) about twice a second.</summary>
    public IProgress<(long Recorded, long Total)>? Progress { get; init; }

    public async Task<LoadFigures> RunAsync(RatingToolClient tool, IEventReader store, Func<CancellationToken, Task<uint>> queueDepth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(queueDepth);
        var stream = StreamNames.Ratings(ratings.ToolId);
        var batches = ratings.BatchCount(batchSize);
        var clock = Stopwatch.StartNew();
        using var monitorStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var samples = new List<(double Seconds, long Recorded)>();
        uint maxDepth = 0;
        var monitor = Task.Run(async () =>
        {
            while (!monitorStop.IsCancellationRequested)
            {
                var recorded = (await store.GetStreamRevisionAsync(stream, monitorStop.Token) ?? -1) + 1;
                lock (samples)
                {
                    samples.Add((clock.Elapsed.TotalSeconds, recorded));
                }

                maxDepth = Math.Max(maxDepth, await queueDepth(monitorStop.Token));
                Progress?.Report((recorded, ratings.Ratings));
                if (recorded >= ratings.Ratings)
                {
                    return;
                }

                await Task.Delay(250, monitorStop.Token);
            }
        }, monitorStop.Token);

        var inFlight = new List<Task>(window);
        var batch = new List<ToolRating>(batchSize);
        for (long b = 0; b < batches; b++)
        {
            var body = ratings.BatchBody(b, batchSize, "load", batch);
            inFlight.Add(tool.PublishAsync(body, $"load-{b}", cancellationToken));
            if (inFlight.Count >= window)
            {
                var done = await Task.WhenAny(inFlight);
                await done;
                inFlight.Remove(done);
            }
        }

        await Task.WhenAll(inFlight);
        var publishSeconds = clock.Elapsed.TotalSeconds;

        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(Timeout);
            try
            {
                await monitor.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await monitorStop.CancelAsync();
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var finalRecorded = (await store.GetStreamRevisionAsync(stream, cancellationToken) ?? -1) + 1;
        await tool.WaitForRepliesAsync(batches, TimeSpan.FromSeconds(60), cancellationToken);
        return new LoadFigures
        {
            Ratings = ratings.Ratings,
            BatchSize = batchSize,
            Batches = batches,
            Seconds = Math.Round(seconds, 2),
            RatingsPerSecond = Math.Round(finalRecorded / seconds),
            SustainedRatingsPerSecond = Math.Round(Sustained(samples, ratings.Ratings)),
            PublishSeconds = Math.Round(publishSeconds, 2),
            Recorded = finalRecorded,
            Lost = ratings.Ratings - finalRecorded,
            RepliesAccepted = tool.Replies.Accepted,
            RepliesDuplicates = tool.Replies.Duplicates,
            RepliesRejected = tool.Replies.Rejected + tool.Replies.BatchErrors,
            MaxQueueDepth = maxDepth,
        };
    }

    /// <summary>Ratings per second between the samples where 10% and 90% of the total were recorded.</summary>
    private static double Sustained(List<(double Seconds, long Recorded)> samples, long total)
    {
        var from = samples.FirstOrDefault(s => s.Recorded >= total / 10);
        var to = samples.FirstOrDefault(s => s.Recorded >= total * 9 / 10);
        return to.Seconds > from.Seconds ? (to.Recorded - from.Recorded) / (to.Seconds - from.Seconds) : 0;
    }
}
