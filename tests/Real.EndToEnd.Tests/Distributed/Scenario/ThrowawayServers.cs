using System.Diagnostics;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>Drives infra/local/throwaway-postgres.sh and throwaway-rabbitmq.sh: servers of the test's own to restart mid-run.</summary>
public static class ThrowawayServers
{
    public static Task<string> PostgresAsync(params string[] arguments) => RunAsync("throwaway-postgres.sh", TimeSpan.FromMinutes(3), arguments);

    public static Task<string> RabbitMqAsync(params string[] arguments) => RunAsync("throwaway-rabbitmq.sh", TimeSpan.FromMinutes(10), arguments);

    private static async Task<string> RunAsync(string script, TimeSpan timeout, string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "infra", "local", script));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
