using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Real.Contracts;
using Xunit;

namespace Real.Testing;

/// <summary>
/// tests/tools/rating_tool.py as an outside rating tool: Debian's python3-pika and the JSON of
/// docs/rating-tool-protocol.md, none of Real's code. <see cref="StartAsync"/> returns once the tool printed READY
/// (its queues are bound: tasks published before that would be missed); <see cref="FinishAsync"/> waits for its
/// summary line. Killed on dispose if still running.
/// </summary>
public sealed class PythonRatingTool : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly Task<string> _stderr;

    private PythonRatingTool(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The rater id the tool answers as (its default local rater "sim-1" in the tool's namespace).</summary>
    public static string RaterOf(string toolId) => $"{toolId}:sim-1";

    /// <summary>The tool's deterministic simulated rater (rating_tool.py's simulated_answer), recomputed here.</summary>
    public static RatingAnswer ExpectedAnswer(string rater, string image, int label) =>
        (SHA256.HashData(Encoding.UTF8.GetBytes($"{rater}|{image}|{label}"))[0] % 3) switch
        {
            0 => RatingAnswer.Yes,
            1 => RatingAnswer.Maybe,
            _ => RatingAnswer.No,
        };

    public static async Task<PythonRatingTool> StartAsync(Uri toolUri, string toolId, int tasks, TimeSpan timeout)
    {
        var process = ExternalProcess.Start(Python,
        [
            Path.Combine(RepositoryRoot.Path, "tests", "tools", "rating_tool.py"),
            "--url", toolUri.ToString(), "--tool", toolId, "--tasks", tasks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--timeout", timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);
        var tool = new PythonRatingTool(process);
        try
        {
            await tool.WaitForReadyAsync();
            return tool;
        }
        catch
        {
            tool.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the tool to exit 0 and returns its JSON summary (tasks, accepted, rejected, replies).</summary>
    public async Task<JsonDocument> FinishAsync(TimeSpan timeout)
    {
        var stdout = _process.StandardOutput.ReadToEndAsync();
        using var exited = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(exited.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"rating_tool.py did not finish within {timeout.TotalSeconds} s. stderr: {(_process.HasExited ? await _stderr : "(still running)")}");
        }

        var output = await stdout;
        Assert.True(_process.ExitCode == 0, $"rating_tool.py exited {_process.ExitCode}: {output}\n{await _stderr}");
        return JsonDocument.Parse(output.Trim().Split('\n')[^1]);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task WaitForReadyAsync()
    {
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(ready.Token);
            if (line is null)
            {
                await _process.WaitForExitAsync(ready.Token);
                Assert.Fail($"rating_tool.py exited ({_process.ExitCode}) before READY: {await _stderr}");
            }

            if (line.Trim() == "READY")
            {
                return;
            }
        }
    }
}
