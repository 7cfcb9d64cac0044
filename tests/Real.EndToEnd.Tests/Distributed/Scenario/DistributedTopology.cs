using System.Globalization;
using Real.Hosting.Distributed;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// The four services as separate processes, started the way an operator starts them: through
/// infra/local/run-distributed.sh, with a state directory, RabbitMQ vhost, PostgreSQL database and ports of its
/// own (so a test never meets another run's queues, events or processes), and REAL_BIN pointing at the `real`
/// this test assembly was built with. Disposing stops the processes and drops vhost, users and database.
/// </summary>
public sealed class DistributedTopology : IAsyncDisposable
{
    public const string RatingIntake = "rating-intake";
    public const string Proposals = "proposals";
    public const string Aggregation = "aggregation";
    public const string Reporting = "reporting";
    public static readonly string[] Services = [RatingIntake, Proposals, Aggregation, Reporting];
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "infra", "local", "run-distributed.sh");
    private readonly Dictionary<string, string> _environment;

    private DistributedTopology(string name, string state, int portBase, Dictionary<string, string> environment)
    {
        Name = name;
        State = state;
        PortBase = portBase;
        _environment = environment;
    }

    /// <summary>The vhost's and the database's name.</summary>
    public string Name { get; }

    public string State { get; }

    public int PortBase { get; }

    /// <summary>The operator's broker URI (the credentials of REAL_RABBITMQ), into the topology's vhost.</summary>
    public Uri OperatorRabbitMqUri { get; private set; } = null!;

    /// <summary>The shared event store the services write to.</summary>
    public string PostgresConnectionString { get; private set; } = null!;

    /// <param name="rabbitMq">The broker (default: the local one of `make services-up`).</param>
    /// <param name="postgresAdmin">The cluster's admin connection (default: the local one).</param>
    /// <param name="rabbitmqctl">rabbitmqctl command line for that broker (e.g. "rabbitmqctl -n node" for a throwaway node).</param>
    /// <param name="services">The services to start (default: all four).</param>
    public static async Task<DistributedTopology> StartAsync(string[] tools, Uri? rabbitMq = null, string? postgresAdmin = null, string? rabbitmqctl = null, string[]? services = null)
    {
        var name = $"real_dist_{Guid.NewGuid().ToString("N")[..10]}";
        var state = Path.Combine(Path.GetTempPath(), name);
        // Ports: a block of four chosen from the name in 15000-26999, below Linux's ephemeral range (32768+), where
        // outgoing connections would otherwise take them, and away from the script's default 8081 block.
        var portBase = 15_000 + (int)(uint.Parse(name[^6..], NumberStyles.HexNumber) % 12_000 / 4 * 4);
        var environment = new Dictionary<string, string>
        {
            ["REAL_DISTRIBUTED_STATE"] = state,
            ["REAL_DISTRIBUTED_VHOST"] = name,
            ["REAL_DISTRIBUTED_DB"] = name,
            ["REAL_DISTRIBUTED_PORT"] = portBase.ToString(CultureInfo.InvariantCulture),
            ["REAL_DISTRIBUTED_TOOLS"] = string.Join(' ', tools),
            ["REAL_DISTRIBUTED_WAIT"] = "240",
            ["REAL_BIN"] = RealExecutable.InDirectory(AppContext.BaseDirectory).CommandLine,
            ["REAL_PG_ADMIN"] = postgresAdmin ?? LocalServices.PostgresAdminConnectionString,
            ["REAL_RABBITMQ"] = (rabbitMq ?? LocalServices.RabbitMqUri).ToString(),
            ["REAL_DATA"] = RepositoryRoot.DataRoot,
        };
        if (rabbitmqctl is not null)
        {
            environment["REAL_RABBITMQCTL"] = rabbitmqctl;
        }

        var topology = new DistributedTopology(name, state, portBase, environment);
        var broker = rabbitMq ?? LocalServices.RabbitMqUri;
        topology.OperatorRabbitMqUri = new UriBuilder(broker) { Path = "/" + name }.Uri;
        topology.PostgresConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(postgresAdmin ?? LocalServices.PostgresAdminConnectionString) { Database = name }.ConnectionString;
        await topology.RunScriptAsync(TimeSpan.FromMinutes(6), ["start", .. services ?? []]);
        return topology;
    }

    public Uri HttpBase(string service) => new($"http://127.0.0.1:{PortBase + Array.IndexOf(Services, service)}/");

    /// <summary>The tool's AMQP URI (its own narrow user), as `run-distributed.sh env TOOL` prints it.</summary>
    public async Task<Uri> ToolUriAsync(string tool)
    {
        return new Uri(await ToolValueAsync(tool, "REAL_TOOL_URI"));
    }

    /// <summary>The tool's HTTP API key (Authorization: Bearer KEY on POST /ratings).</summary>
    public Task<string> ToolApiKeyAsync(string tool) => ToolValueAsync(tool, "REAL_TOOL_API_KEY");

    private async Task<string> ToolValueAsync(string tool, string name)
    {
        var output = await RunScriptAsync(TimeSpan.FromMinutes(1), "env", tool);
        var line = output.Split('\n').Single(l => l.StartsWith(name + "=", StringComparison.Ordinal));
        return line[(name.Length + 1)..].Trim();
    }

    /// <summary>SIGKILL: the service gets no chance to acknowledge, flush or say goodbye.</summary>
    public Task KillAsync(string service) => RunScriptAsync(TimeSpan.FromMinutes(1), "kill", service);

    /// <summary>Starts (again) and waits for /health.</summary>
    public Task StartServiceAsync(string service) => RunScriptAsync(TimeSpan.FromMinutes(5), "start", service);

    public string LogOf(string service) => Path.Combine(State, $"{service}.log");

    public async ValueTask DisposeAsync()
    {
        KeepLogs();
        try
        {
            await RunScriptAsync(TimeSpan.FromMinutes(2), "clean");
        }
        catch (InvalidOperationException)
        {
            // Best effort: a fault drill may have left the broker or the database down.
        }
    }

    private async Task<string> RunScriptAsync(TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync(Script, arguments, timeout, _environment);
        if (exitCode != 0)
        {
            var logs = string.Join('\n', Services.Where(s => File.Exists(LogOf(s))).Select(s => $"--- {s}.log (tail)\n{Tail(LogOf(s))}"));
            throw new InvalidOperationException($"run-distributed.sh {string.Join(' ', arguments)} exited {exitCode}:\n{stdout}\n{stderr}\n{logs}");
        }

        return stdout;
    }

    /// <summary>
    /// Copies the services' logs to TestResults/distributed/NAME before `clean` removes the state directory, so a
    /// failed run (in CI above all) can be read afterwards. Best effort: a copy that fails must not keep `clean`
    /// from removing the vhost, users and database.
    /// </summary>
    private void KeepLogs()
    {
        try
        {
            var kept = Path.Combine(RepositoryRoot.Path, "TestResults", "distributed", Name);
            Directory.CreateDirectory(kept);
            foreach (var log in Services.Select(LogOf).Where(File.Exists))
            {
                File.Copy(log, Path.Combine(kept, Path.GetFileName(log)), overwrite: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not keep the logs of {Name}: {ex.Message}");
        }
    }

    private static string Tail(string file) => string.Join('\n', File.ReadLines(file).TakeLast(15));
}
