using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// A PostgreSQL cluster or RabbitMQ node of the fault drill's own (infra/local/throwaway-postgres.sh,
/// throwaway-rabbitmq.sh), so restarting it mid-run disturbs no other test; destroyed on dispose.
/// </summary>
public sealed class ThrowawayServer : IAsyncDisposable
{
    private readonly string _script;

    private ThrowawayServer(string script, string directory, string started)
    {
        _script = script;
        Directory = directory;
        Started = started;
    }

    public string Directory { get; }

    /// <summary>What the script's start printed: the admin connection string, or "NODE URI" for RabbitMQ.</summary>
    public string Started { get; }

    public static Task<ThrowawayServer> PostgresAsync() => StartAsync("throwaway-postgres.sh");

    public static Task<ThrowawayServer> RabbitMqAsync() => StartAsync("throwaway-rabbitmq.sh");

    /// <summary>Stops the server, keeps it down for <paramref name="downSeconds"/>, starts it again.</summary>
    public async Task RestartAsync(int downSeconds)
    {
        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync(_script, ["restart", Directory, $"{downSeconds}"], TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"{Path.GetFileName(_script)} restart: {stdout}\n{stderr}");
    }

    public async ValueTask DisposeAsync() => await ExternalProcess.RunAsync(_script, ["destroy", Directory], TimeSpan.FromMinutes(2));

    private static async Task<ThrowawayServer> StartAsync(string name)
    {
        var script = Path.Combine(RepositoryRoot.Path, "infra", "local", name);
        // A port the shared services never use, different per drill, below the ephemeral range (32768+) even for
        // RabbitMQ's distribution port (AMQP port + 20000).
        var port = 7_000 + Random.Shared.Next(1_000);
        var directory = Path.Combine(Path.GetTempPath(), $"real-fault-{Path.GetFileNameWithoutExtension(name)}-{port}");
        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync(script, ["start", directory, $"{port}"], TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"{name} start: {stdout}\n{stderr}");
        return new ThrowawayServer(script, directory, stdout.Trim().Split('\n')[^1].Trim());
    }
}
