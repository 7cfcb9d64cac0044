using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Real.Contracts;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.EventStore.Subscriptions;
using Real.Hosting;
using Real.Hosting.Diagnostics;
using Real.Hosting.Distributed;
using Real.Hosting.Messaging;
using Real.RatingIntake;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Intake;

/// <summary>
/// `real bench bus`: synthetic ratings (<see cref="SyntheticRatings"/>) submitted as SubmitRatings messages in batches
/// through the in-memory bus to the intake's own consumer — the same parsing, validation and recording a rating
/// tool's messages get — into a fresh embedded SQLite store, timed until the store holds every rating. The sender
/// stays at most --window messages ahead of the store, so memory stays flat. (RabbitMQ: `real bench distributed`.)
/// </summary>
public sealed class BusIngestBenchCommand : AsyncCommand<BusIngestBenchSettings>
{
    private const string ToolId = "bench-bus";

    public override async Task<int> ExecuteAsync(CommandContext context, BusIngestBenchSettings settings, CancellationToken cancellationToken)
    {
        var home = Path.Combine(Path.GetTempPath(), $"real-bench-bus-{Guid.NewGuid():N}");
        Directory.CreateDirectory(home);
        try
        {
            return await RunAsync(settings, home, cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(home, recursive: true);
        }
    }

    private static async Task<int> RunAsync(BusIngestBenchSettings settings, string home, CancellationToken cancellationToken)
    {
        var real = new RealSettings { Home = home, DataRoot = home, Transport = "inmemory" };
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddRealEventStore(real);
        services.AddRatingIntake();
        services.AddRealMessaging(real, bus => bus.AddRatingIntakeConsumers());
        var result = new Dictionary<string, object>
        {
            ["bench"] = "bus",
            ["transport"] = "inmemory",
            ["store"] = "sqlite",
            ["batch_size"] = settings.Batch,
            ["window"] = settings.Window,
            ["cores"] = Environment.ProcessorCount,
            ["load_average"] = ProcessFigures.LoadAverage(),
        };
        await using (var provider = services.BuildServiceProvider())
        {
            var store = provider.GetRequiredService<IEventStore>();
            await store.InitializeAsync(cancellationToken);
            var ratings = new SyntheticRatings(ToolId, settings.Ratings);
            await ratings.RegisterAsync(store, provider.GetRequiredService<EventSerializer>(), cancellationToken);
            var bus = provider.GetRequiredService<IBusControl>();
            await bus.StartAsync(cancellationToken);
            try
            {
                var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{ToolTopology.SubmitQueue}"));
                var cpu = ProcessFigures.CpuSeconds();
                var clock = Stopwatch.StartNew();
                var recorded = await SubmitAllAsync(endpoint, store, ratings, settings, cancellationToken);
                var seconds = clock.Elapsed.TotalSeconds;
                result["ratings"] = recorded;
                result["seconds"] = Math.Round(seconds, 3);
                result["ratings_per_s"] = Math.Round(recorded / seconds);
                result["cpu_seconds"] = Math.Round(ProcessFigures.CpuSeconds() - cpu, 3);
                result["peak_rss_mb"] = ProcessFigures.PeakRssMegabytes();
            }
            finally
            {
                await bus.StopAsync(CancellationToken.None);
            }
        }

        BenchOutput.Print(result, settings.Json);
        return 0;
    }

    /// <summary>
    /// Sends every batch, then waits until the tool's stream holds every rating; returns how many it holds. Between
    /// looks it waits for the store's next commit (the intake runs in this process) rather than polling every few
    /// milliseconds, so the bench's own queries do not compete with what it measures.
    /// </summary>
    private static async Task<long> SubmitAllAsync(ISendEndpoint endpoint, IEventStore store, SyntheticRatings ratings, BusIngestBenchSettings settings, CancellationToken cancellationToken)
    {
        var stream = StreamNames.Ratings(ToolId);
        var head = await store.GetHeadPositionAsync(cancellationToken);
        async Task<long> RecordedAsync()
        {
            if (store is IAppendNotifier notifier)
            {
                using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                patience.CancelAfter(TimeSpan.FromMilliseconds(100));
                try
                {
                    await notifier.WaitForAppendAsync(head, patience.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // No commit for 100 ms: look anyway (the idle check below counts these).
                }
            }
            else
            {
                await Task.Delay(2, cancellationToken);
            }

            head = await store.GetHeadPositionAsync(cancellationToken);
            return (await store.GetStreamRevisionAsync(stream, cancellationToken) ?? -1) + 1;
        }

        var batch = new List<ToolRating>(settings.Batch);
        var recorded = 0L;
        for (long b = 0; b < ratings.BatchCount(settings.Batch); b++)
        {
            while ((b * settings.Batch) - recorded > (long)settings.Window * settings.Batch)
            {
                recorded = await RecordedAsync();
            }

            var body = ratings.BatchBody(b, settings.Batch, "bus", batch);
            await endpoint.Send(new RawToolMessage(body), (SendContext<RawToolMessage> send) => ToolJsonSerializer.Use(send), cancellationToken);
        }

        var idle = Stopwatch.StartNew();
        while (recorded < ratings.Ratings)
        {
            var now = await RecordedAsync();
            if (now != recorded)
            {
                idle.Restart();
            }

            recorded = now;
            if (idle.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new UserFacingException($"bench bus: the store holds {recorded:N0} of {ratings.Ratings:N0} ratings and nothing was recorded for 60 s; see the intake's error queue.");
            }
        }

        return recorded;
    }
}
