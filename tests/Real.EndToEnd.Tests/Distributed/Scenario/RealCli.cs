using System.Text.Json;
using Real.Hosting.Distributed;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>Runs the `real` program this test assembly was built with, as a user would, and checks its exit code.</summary>
public static class RealCli
{
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] arguments)
    {
        var real = RealExecutable.InDirectory(AppContext.BaseDirectory);
        return await Real.Testing.ExternalProcess.RunAsync(real.FileName, real.PrefixArguments.Concat(arguments), TimeSpan.FromMinutes(5));
    }

    /// <summary>Runs a command that must succeed and prints one JSON object (--json).</summary>
    public static async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync([.. arguments, "--json"]);
        Assert.True(exitCode == 0, $"real {string.Join(' ', arguments)} exited {exitCode}:\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.Clone();
    }

    public static async Task SucceedsAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync(arguments);
        Assert.True(exitCode == 0, $"real {string.Join(' ', arguments)} exited {exitCode}:\n{stdout}\n{stderr}");
    }
}
