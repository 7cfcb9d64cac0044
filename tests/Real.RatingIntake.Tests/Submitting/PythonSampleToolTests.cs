using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.Contracts.Messages.Proposals;
using Real.Testing;

namespace Real.RatingIntake.Tests.Submitting;

/// <summary>
/// The rating-tool protocol as an outsider meets it: tests/tools/rating_tool.py (Debian's python3-pika and the JSON of
/// docs/rating-tool-protocol.md, none of Real's code) with its own narrow RabbitMQ user receives the RatingTaskCreated
/// messages Real publishes, answers every candidate as a simulated rater, and gets RatingsAccepted back; the ratings
/// land as RatingRecorded events with the answers the tool chose.
/// </summary>
public sealed class PythonSampleToolTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task The_python_tool_receives_tasks_answers_them_and_gets_every_rating_accepted()
    {
        await using var vhost = await RabbitMqTestVhost.CreateAsync();
        var tool = $"pysim-{Guid.NewGuid().ToString("N")[..6]}";
        var toolUri = await vhost.CreateToolUserAsync(tool);
        await using var intake = await IntakeBusHost.StartAsync(vhost.GuestUri);

        RatingTaskIssued[] tasks =
        [
            new("task-a", IntakeBusHost.Dataset, IntakeBusHost.Image(1), [0, 1, 2], "Does the label fit?"),
            new("task-b", IntakeBusHost.Dataset, IntakeBusHost.Image(2), [7, 9], "Does the label fit?"),
        ];
        foreach (var task in tasks)
        {
            await intake.IssueTaskAsync(task);
        }

        using var process = ExternalProcess.Start(Python,
            [Path.Combine(RepositoryRoot.Path, "tests", "tools", "rating_tool.py"), "--url", toolUri.ToString(), "--tool", tool, "--tasks", "2", "--timeout", "90"]);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await WaitForReadyAsync(process, stderr);

            // Published by Real exactly as the proposals service publishes them: plain JSON on real.tools.tasks.
            foreach (var task in tasks)
            {
                await intake.Bus.Publish(new RatingTaskCreated(task.TaskId, task.DatasetId, task.Image,
                    [.. task.Labels.Select(l => new CandidateLabel(l, $"class {l}"))], task.Instructions));
            }

            var stdout = await process.StandardOutput.ReadToEndAsync();
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(exited.Token);
            Assert.True(process.ExitCode == 0, $"rating_tool.py exited {process.ExitCode}: {stdout}\n{await stderr}");

            using var summary = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
            Assert.Equal(2, summary.RootElement.GetProperty("tasks").GetInt32());
            Assert.Equal(5, summary.RootElement.GetProperty("accepted").GetArrayLength());
            Assert.Equal(0, summary.RootElement.GetProperty("rejected").GetArrayLength());
            Assert.All(summary.RootElement.GetProperty("replies").EnumerateObject(), r => Assert.Equal("RatingsAccepted", r.Value.GetString()));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var recorded = await intake.RecordedAsync(tool);
        Assert.Equal(5, recorded.Count);
        foreach (var task in tasks)
        {
            foreach (var label in task.Labels)
            {
                var rating = Assert.Single(recorded, r => r.TaskId == task.TaskId && r.Label == label);
                Assert.Equal($"{tool}:sim-1", rating.RaterId);
                Assert.Equal(task.Image, rating.Image);
                Assert.Equal(ExpectedAnswer(rating.RaterId, task.Image, label), rating.Answer);
            }
        }
    }

    /// <summary>The tool's deterministic simulated rater (rating_tool.py's simulated_answer), recomputed here.</summary>
    private static RatingAnswer ExpectedAnswer(string rater, string image, int label) =>
        (SHA256.HashData(Encoding.UTF8.GetBytes($"{rater}|{image}|{label}"))[0] % 3) switch
        {
            0 => RatingAnswer.Yes,
            1 => RatingAnswer.Maybe,
            _ => RatingAnswer.No,
        };

    /// <summary>The tool prints READY once its queues are bound; tasks published before that would be missed.</summary>
    private static async Task WaitForReadyAsync(Process process, Task<string> stderr)
    {
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(ready.Token);
            if (line is null)
            {
                await process.WaitForExitAsync(ready.Token);
                Assert.Fail($"rating_tool.py exited ({process.ExitCode}) before READY: {await stderr}");
            }

            if (line.Trim() == "READY")
            {
                return;
            }
        }
    }
}
