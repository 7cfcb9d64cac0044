using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.Contracts.Messages.Proposals;
using Real.Testing;

namespace Real.RatingIntake.Tests.Submitting;

/// <summary>
/// The rating-tool protocol as an outsider meets it: tests/tools/rating_tool.py with its own narrow RabbitMQ user
/// receives the RatingTaskCreated messages Real publishes, answers every candidate as a simulated rater, and gets
/// RatingsAccepted back; the ratings land as RatingRecorded events with the answers the tool chose.
/// (tests/Real.Proposals.Tests/EndToEnd has the same tool fed by a real proposal run.)
/// </summary>
public sealed class PythonSampleToolTests
{
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

        using (var python = await PythonRatingTool.StartAsync(toolUri, tool, tasks.Length, TimeSpan.FromSeconds(90)))
        {
            // Published by Real exactly as the proposals service publishes them: plain JSON on real.tools.tasks.
            foreach (var task in tasks)
            {
                await intake.Bus.Publish(new RatingTaskCreated(task.TaskId, task.DatasetId, task.Image,
                    [.. task.Labels.Select(l => new CandidateLabel(l, $"class {l}"))], task.Instructions));
            }

            using var summary = await python.FinishAsync(TimeSpan.FromSeconds(120));
            Assert.Equal(2, summary.RootElement.GetProperty("tasks").GetInt32());
            Assert.Equal(5, summary.RootElement.GetProperty("accepted").GetArrayLength());
            Assert.Equal(0, summary.RootElement.GetProperty("rejected").GetArrayLength());
            Assert.All(summary.RootElement.GetProperty("replies").EnumerateObject(), r => Assert.Equal("RatingsAccepted", r.Value.GetString()));
        }

        var recorded = await intake.RecordedAsync(tool);
        Assert.Equal(5, recorded.Count);
        foreach (var task in tasks)
        {
            foreach (var label in task.Labels)
            {
                var rating = Assert.Single(recorded, r => r.TaskId == task.TaskId && r.Label == label);
                Assert.Equal(PythonRatingTool.RaterOf(tool), rating.RaterId);
                Assert.Equal(task.Image, rating.Image);
                Assert.Equal(PythonRatingTool.ExpectedAnswer(rating.RaterId, task.Image, label), rating.Answer);
            }
        }
    }
}
