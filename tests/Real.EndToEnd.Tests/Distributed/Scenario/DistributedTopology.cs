using System.Diagnostics;
using MassTransit;
using Real.Contracts.Messages.Aggregation;
using Real.EventStore;
using Real.EventStore.Postgres;
using Real.Hosting.Distributed;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// The distributed topology exactly as a user runs it without Docker: infra/local/run-distributed.sh starts the four
/// service processes on the local RabbitMQ + PostgreSQL, here with a vhost, a database, a state directory and ports
/// of the test's own (so parallel runs of other tests never meet it). The scenario's tool publishes with its own
/// RabbitMQ user (the protocol's narrow permissions); an operator bus (guest) asks for aggregations.
/// <see cref="KillAsync"/> / <see cref="StartAsync(string)"/> drive the script's kill and start for fault drills.
/// </summary>
public sealed class DistributedTopology : IScenarioTopology
{
    private readonly Dictionary<string, string> _environment;
    private readonly TempDirectory _state;
    private readonly IBusControl _operator;
    private RatingToolClient? _tool;

    private DistributedTopology(Dictionary<string, string> environment, TempDirectory state, PostgresEventStore store, IBusControl operatorBus)
    {
        _environment = environment;
        _state = state;
        PostgresStore = store;
        _operator = operatorBus;
    }

    public IEventStore Store => PostgresStore;

    public PostgresEventStore PostgresStore { get; }

    public string StateDirectory => _state.Path;

    /// <summary>Starts the four services with run-distributed.sh (their own vhost and database on the given servers) and waits for /health.</summary>
    public static async Task<DistributedTopology> StartAsync(string dataRoot, Uri rabbitMq, string postgresAdmin, int portBase, string? rabbitmqctl = null)
    {
        var state = new TempDirectory();
        var name = $"real_e2e_{Guid.NewGuid():N}"[..20];
        var environment = new Dictionary<string, string>
        {
            ["REAL_DISTRIBUTED_STATE"] = state.Path,
            ["REAL_DISTRIBUTED_VHOST"] = name,
            ["REAL_DISTRIBUTED_DB"] = name,
            ["REAL_DISTRIBUTED_PORT"] = portBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["REAL_DISTRIBUTED_TOOLS"] = RealVotesScenario.ToolId,
            ["REAL_BIN"] = RealExecutable.InDirectory(AppContext.BaseDirectory).CommandLine,
            ["REAL_PG_ADMIN"] = postgresAdmin,
            ["REAL_RABBITMQ"] = rabbitMq.ToString(),
            ["REAL_DATA"] = dataRoot,
        };
        if (rabbitmqctl is not null)
        {
            environment["REAL_RABBITMQCTL"] = rabbitmqctl;
        }

        await Script(environment, TimeSpan.FromMinutes(5), "start");
        var database = new Npgsql.NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }.ConnectionString;
        var store = new PostgresEventStore(database);
        var operatorBus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new UriBuilder(rabbitMq) { Path = "/" + name }.Uri));
        await operatorBus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var topology = new DistributedTopology(environment, state, store, operatorBus);
        var toolUri = new Uri((await File.ReadAllTextAsync(Path.Combine(state.Path, "tools", RealVotesScenario.ToolId + ".uri"))).Trim());
        topology._tool = await RatingToolClient.ConnectAsync(toolUri, RealVotesScenario.ToolId, window: 4, CancellationToken.None);
        return topology;
    }

    public async Task SubmitAsync(byte[] body, string messageId, CancellationToken cancellationToken) =>
        await _tool!.PublishAsync(body, messageId, cancellationToken);

    /// <summary>When set, the aggregation service is killed (and restarted) while it works on the request.</summary>
    public bool KillAggregationDuringRun { get; set; }

    public async Task<LabelSetCompleted> AggregateAsync(RunAggregation request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = _operator.CreateRequestClient<RunAggregation>(RequestTimeout.After(m: (int)Math.Ceiling(timeout.TotalMinutes)));
        var response = client.GetResponse<LabelSetCompleted>(request, cancellationToken);
        if (KillAggregationDuringRun)
        {
            // The run reads ~50k images' worth of data for a few seconds: 1.5 s in, it is mid-run. The broker redelivers
            // the unacknowledged request to the restarted service, which finds or finishes the run's label set.
            await Task.WhenAny(response, Task.Delay(1500, cancellationToken));
            await KillAsync("aggregation");
            await StartAsync("aggregation");
        }

        return (await response).Message;
    }

    /// <summary>SIGKILL one service (run-distributed.sh kill): no shutdown, no acknowledgement of in-flight messages.</summary>
    public Task KillAsync(string service) => Script(_environment, TimeSpan.FromMinutes(1), "kill", service);

    public Task StartAsync(string service) => Script(_environment, TimeSpan.FromMinutes(5), "start", service);

    public Task<string> StatusAsync() => Script(_environment, TimeSpan.FromMinutes(1), "status", "--json");

    public string LogOf(string service) =>
        File.Exists(Path.Combine(_state.Path, service + ".log")) ? File.ReadAllText(Path.Combine(_state.Path, service + ".log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (_tool is not null)
        {
            await _tool.DisposeAsync();
        }

        await _operator.StopAsync();
        await PostgresStore.DisposeAsync();
        await Script(_environment, TimeSpan.FromMinutes(2), "clean");
        _state.Dispose();
    }

    private static async Task<string> Script(Dictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "infra", "local", "run-distributed.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"run-distributed.sh {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s: {await stdout} {await stderr}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"run-distributed.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stdout} {await stderr}");
        }

        return await stdout;
    }
}
