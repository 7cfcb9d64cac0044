using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Real.Contracts;
using Real.EventStore.Postgres;
using Real.EventStore.Serialization;
using Real.Hosting.Distributed;
using Real.RatingIntake;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

/// <summary>
/// `real bench distributed`: the rating intake as its own process on RabbitMQ + PostgreSQL (a vhost and a database of
/// the bench's own), fed by a C# rating tool publishing SubmitRatings batches with publisher confirms; measures
/// ratings recorded per second end to end, the intake's peak memory, the deepest the submit queue got, and that
/// nothing was lost or recorded twice. Needs the local services (make services-up: REAL_RABBITMQ, REAL_PG_ADMIN).
/// </summary>
public sealed class BenchDistributedCommand : AsyncCommand<BenchDistributedSettings>
{
    private const string ToolId = "bench-tool";

    public override async Task<int> ExecuteAsync(CommandContext context, BenchDistributedSettings settings, CancellationToken cancellationToken)
    {
        var broker = new Uri(Required("REAL_RABBITMQ"));
        await using var infra = await IsolatedInfrastructure.CreateAsync("real_bench", broker, Required("REAL_PG_ADMIN"), cancellationToken);
        var home = Directory.CreateTempSubdirectory("real-bench-distributed-");
        try
        {
            var ratings = new SyntheticRatings(ToolId, settings.Ratings);
            await using var store = new PostgresEventStore(infra.PostgresConnectionString);
            await store.InitializeAsync(cancellationToken);
            var serializer = new EventSerializer(new EventTypeRegistry().RegisterAssembly(typeof(StreamNames).Assembly));
            await ratings.RegisterAsync(store, serializer, cancellationToken);

            var environment = new Dictionary<string, string>
            {
                ["REAL_STORE"] = "postgres",
                ["REAL_PG"] = infra.PostgresConnectionString,
                ["REAL_TRANSPORT"] = "rabbitmq",
                ["REAL_RABBITMQ"] = infra.RabbitMqUri.ToString(),
                ["REAL_HOME"] = home.FullName,
                ["Logging__LogLevel__Default"] = "Warning",
            };
            await using var intake = ServiceProcess.Start(RealExecutable.Current(), RatingIntakeServiceHosting.Name, FreePort(), environment, Path.Combine(home.FullName, "intake.log"));
            await intake.WaitHealthyAsync(TimeSpan.FromMinutes(2), cancellationToken);
            await using var tool = await RatingToolClient.ConnectAsync(infra.RabbitMqUri, ToolId, settings.Window, cancellationToken);
            await using var depth = await QueueDepthProbe.ConnectAsync(infra.RabbitMqUri, "real.ratings.submit", cancellationToken);

            var run = new LoadRun(ratings, settings.Batch, settings.Window) { Timeout = TimeSpan.FromMinutes(settings.TimeoutMinutes) };
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            LoadFigures figures;
            if (settings.Json)
            {
                figures = await run.RunAsync(tool, store, depth.DepthAsync, cancellationToken);
            }
            else
            {
                figures = await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var bar = progress.AddTask("ratings recorded", maxValue: settings.Ratings);
                    var observed = new LoadRun(ratings, settings.Batch, settings.Window)
                    {
                        Timeout = run.Timeout,
                        Progress = new Progress<(long Recorded, long Total)>(p => bar.Value = p.Recorded),
                    };
                    return await observed.RunAsync(tool, store, depth.DepthAsync, cancellationToken);
                });
            }

            figures = figures with
            {
                IntakePeakRssMegabytes = intake.PeakResidentMegabytes(),
                GeneratorPeakRssMegabytes = Math.Round(Store.ProcessMemory.PeakRssMegabytes(), 1),
            };
            Report(figures, settings.Json, Process.GetCurrentProcess().TotalProcessorTime - cpu);
            return figures.Lost == 0 && figures.RepliesRejected == 0 ? 0 : 1;
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    private static void Report(LoadFigures f, bool json, TimeSpan generatorCpu)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                bench = "distributed",
                transport = "rabbitmq",
                store = "postgres",
                ratings = f.Ratings,
                batch = f.BatchSize,
                batches = f.Batches,
                seconds = f.Seconds,
                ratings_per_s = f.RatingsPerSecond,
                sustained_ratings_per_s = f.SustainedRatingsPerSecond,
                publish_seconds = f.PublishSeconds,
                recorded = f.Recorded,
                lost = f.Lost,
                replies_accepted = f.RepliesAccepted,
                replies_duplicates = f.RepliesDuplicates,
                replies_rejected = f.RepliesRejected,
                max_queue_depth = f.MaxQueueDepth,
                intake_peak_rss_mb = f.IntakePeakRssMegabytes,
                generator_peak_rss_mb = f.GeneratorPeakRssMegabytes,
                generator_cpu_s = Math.Round(generatorCpu.TotalSeconds, 1),
                cores = Environment.ProcessorCount,
                load_average_1m = load is null ? (double?)null : double.Parse(load, CultureInfo.InvariantCulture),
            }));
            return;
        }

        var table = new Table().AddColumns("figure", "value");
        table.AddRow("ratings recorded", $"{f.Recorded:N0} of {f.Ratings:N0} (lost {f.Lost})");
        table.AddRow("end to end", $"{f.Seconds:0.0} s, {f.RatingsPerSecond:N0} ratings/s (sustained {f.SustainedRatingsPerSecond:N0}/s)");
        table.AddRow("replies", $"{f.RepliesAccepted:N0} accepted, {f.RepliesDuplicates:N0} duplicates, {f.RepliesRejected:N0} rejected");
        table.AddRow("deepest submit queue", $"{f.MaxQueueDepth} messages");
        table.AddRow("intake peak memory", $"{f.IntakePeakRssMegabytes} MB");
        table.AddRow("machine", $"{Environment.ProcessorCount} cores, load {load}");
        AnsiConsole.Write(table);
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new ArgumentException($"{name} is not set: start the local services with `make services-up` and `source .infra/services.env`.");

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
