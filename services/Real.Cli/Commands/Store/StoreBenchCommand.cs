using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Real.EventStore;
using Real.EventStore.Postgres;
using Real.EventStore.Sqlite;
using Real.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Store;

/// <summary>
/// `real bench store`: a fresh store (SQLite in a temp directory, or a new PostgreSQL database), N synthetic ~250-byte
/// events appended in batches, then all read back through $all. Prints one JSON object with --json.
/// Only the appends and the read are timed (building the events is not).
/// </summary>
public sealed class StoreBenchCommand : AsyncCommand<StoreBenchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StoreBenchSettings settings, CancellationToken cancellationToken)
    {
        await using var target = await BenchTarget.CreateAsync(settings, cancellationToken);
        var store = target.Store;
        await store.InitializeAsync(cancellationToken);

        long dataBytes = 0;
        var appendTime = TimeSpan.Zero;
        var appendCpu = TimeSpan.Zero;
        var batches = (settings.Events + settings.Batch - 1) / settings.Batch;
        for (var b = 0; b < batches; b++)
        {
            var count = Math.Min(settings.Batch, settings.Events - (b * settings.Batch));
            var events = StoreBenchEvents.Batch(b, count, (long)b * settings.Batch);
            foreach (var e in events)
            {
                dataBytes += e.Data.Length;
            }

            var started = Stopwatch.GetTimestamp();
            var cpuStarted = CpuTime();
            await store.AppendToStreamAsync(StoreBenchEvents.StreamOf(b), ExpectedRevision.Any, events, cancellationToken);
            appendCpu += CpuTime() - cpuStarted;
            appendTime += Stopwatch.GetElapsedTime(started);
        }

        var appendPeak = ProcessMemory.PeakRssMegabytes();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var peakReset = ProcessMemory.TryResetPeak();

        long read = 0;
        long readBytes = 0;
        var readStarted = Stopwatch.GetTimestamp();
        var readCpuStarted = CpuTime();
        await foreach (var e in store.ReadAllAsync(0, long.MaxValue, cancellationToken))
        {
            read++;
            readBytes += e.Data.Length;
        }

        var readTime = Stopwatch.GetElapsedTime(readStarted);
        var readCpu = CpuTime() - readCpuStarted;
        var readPeak = ProcessMemory.PeakRssMegabytes();
        if (read != settings.Events || readBytes != dataBytes)
        {
            throw new UserFacingException($"bench store: read back {read} events ({readBytes} data bytes), expected {settings.Events} ({dataBytes}).");
        }

        var storedBytes = await target.StoredBytesAsync(cancellationToken);
        var result = new Dictionary<string, object>
        {
            ["bench"] = "store",
            ["backend"] = settings.Backend,
            ["events"] = settings.Events,
            ["batch"] = settings.Batch,
            ["avg_data_bytes"] = Math.Round((double)dataBytes / settings.Events, 1),
            ["append_s"] = Math.Round(appendTime.TotalSeconds, 3),
            ["append_per_s"] = Math.Round(settings.Events / appendTime.TotalSeconds),
            ["read_s"] = Math.Round(readTime.TotalSeconds, 3),
            ["read_per_s"] = Math.Round(read / readTime.TotalSeconds),
            ["peak_rss_mb"] = Math.Round(Math.Max(appendPeak, readPeak), 1),
            ["append_peak_rss_mb"] = Math.Round(appendPeak, 1),
            ["read_peak_rss_mb"] = peakReset ? Math.Round(readPeak, 1) : Math.Round(Math.Max(appendPeak, readPeak), 1),
            ["append_cpu_s"] = Math.Round(appendCpu.TotalSeconds, 3),
            ["read_cpu_s"] = Math.Round(readCpu.TotalSeconds, 3),
            ["load_average"] = LoadAverage(),
            ["bytes_per_event"] = Math.Round((double)storedBytes / settings.Events, 1),
            ["cores"] = Environment.ProcessorCount,
        };
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            var table = new Table().AddColumn("measure").AddColumn("value");
            foreach (var (key, value) in result)
            {
                table.AddRow(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }

            AnsiConsole.Write(table);
        }

        return 0;
    }

    /// <summary>CPU time this process used (all threads): beside wall time it shows how much other load slowed a run.</summary>
    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The 1-minute load average (Linux), so a figure measured on a busy machine says so.</summary>
    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : -1;

    /// <summary>The fresh store a bench run writes, and how to measure and remove it afterwards.</summary>
    private sealed class BenchTarget : IAsyncDisposable
    {
        private readonly string? _directory;
        private readonly string? _adminConnectionString;
        private readonly string? _database;

        private BenchTarget(IEventStore store, string? directory, string? adminConnectionString, string? database)
        {
            Store = store;
            _directory = directory;
            _adminConnectionString = adminConnectionString;
            _database = database;
        }

        public IEventStore Store { get; }

        public static async Task<BenchTarget> CreateAsync(StoreBenchSettings settings, CancellationToken cancellationToken)
        {
            if (settings.Backend == "sqlite")
            {
                var directory = Path.Combine(Path.GetTempPath(), $"real-bench-{Guid.NewGuid():N}");
                Directory.CreateDirectory(directory);
                return new BenchTarget(new SqliteEventStore(Path.Combine(directory, "events.db")), directory, null, null);
            }

            var real = RealSettingsResolver.Resolve(settings.Home, "postgres", settings.Postgres, settings.DataRoot);
            var database = $"real_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(real.PostgresConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var connectionString = new NpgsqlConnectionStringBuilder(real.PostgresConnectionString) { Database = database }.ConnectionString;
            return new BenchTarget(new PostgresEventStore(connectionString), null, real.PostgresConnectionString, database);
        }

        public async Task<long> StoredBytesAsync(CancellationToken cancellationToken)
        {
            if (Store is SqliteEventStore sqlite)
            {
                // The WAL cycles between empty and a few checkpoint thresholds (~300 MB) as the checkpointer runs, so
                // its size at the end says nothing about the events: copy it all into the database file first.
                await using (var file = new SqliteConnection($"Data Source={sqlite.Path};Pooling=False"))
                {
                    await file.OpenAsync(cancellationToken);
                    await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE)", file);
                    await checkpoint.ExecuteNonQueryAsync(cancellationToken);
                }

                return new[] { sqlite.Path, sqlite.Path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
            }

            var postgres = (PostgresEventStore)Store;
            await using var connection = new NpgsqlConnection(postgres.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var size = new NpgsqlCommand("SELECT pg_total_relation_size('events')", connection);
            return (long)(await size.ExecuteScalarAsync(cancellationToken))!;
        }

        public async ValueTask DisposeAsync()
        {
            if (Store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }

            if (_directory is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(_directory, recursive: true);
            }

            if (_database is not null)
            {
                await using var connection = new NpgsqlConnection(_adminConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
