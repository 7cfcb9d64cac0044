using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using Real.Hosting.Messaging;
using Real.Testing;
using static Real.RatingIntake.Tests.Submitting.SubmissionJson;

namespace Real.RatingIntake.Tests.Submitting;

/// <summary>The rating-tool protocol against the real local RabbitMQ, each test in its own vhost.</summary>
public sealed class RabbitMqToolProtocolTests
{
    private static readonly string Python = "/usr/bin/python3";

    [Fact]
    public async Task One_tools_credential_cannot_publish_read_or_submit_as_another_tool()
    {
        await using var vhost = await RabbitMqTestVhost.CreateAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (me, other) = ($"me-{suffix}", $"other-{suffix}");
        var myUri = await vhost.CreateToolUserAsync(me);
        await vhost.CreateToolUserAsync(other);
        await using var intake = await IntakeBusHost.StartAsync(vhost.GuestUri);

        var (exit, stdout, stderr) = await ExternalProcess.RunAsync(Python,
            [Path.Combine(RepositoryRoot.Path, "tests", "tools", "impersonation_probe.py"), "--url", myUri.ToString(), "--tool", me, "--other", other], TimeSpan.FromSeconds(90));

        Assert.True(exit == 0, stderr);
        using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        Assert.Equal("refused", result.RootElement.GetProperty("publish_as_other").GetString());
        Assert.Equal("refused", result.RootElement.GetProperty("bind_other_replies").GetString());
        var reply = result.RootElement.GetProperty("body_claims_other_reply");
        Assert.Equal("RatingsRejected", reply.GetProperty("messageType").GetString());
        Assert.Equal("toolId", reply.GetProperty("batchErrors")[0].GetProperty("field").GetString());
        Assert.Empty(await intake.RecordedAsync());
    }

    [Fact]
    public async Task Unanswerable_messages_land_in_the_error_queue_with_their_reason_and_the_consumer_goes_on()
    {
        await using var vhost = await RabbitMqTestVhost.CreateAsync();
        await using var intake = await IntakeBusHost.StartAsync(vhost.GuestUri);
        var factory = new ConnectionFactory { Uri = vhost.GuestUri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        byte[][] unanswerable = [Encoding.UTF8.GetBytes("{\"batchId\":\"x\",\"ratings\":[{"), [0xFF, 0xFE, 0x00, 0x7B], Encoding.UTF8.GetBytes("[]")];

        // Internal senders (here: the administrator, straight to the intake's queue exchange) carry no tool identity.
        foreach (var body in unanswerable)
        {
            await channel.BasicPublishAsync(ToolTopology.SubmitQueue, "", true, new BasicProperties { ContentType = "application/json" }, body);
        }

        await channel.BasicPublishAsync(ToolTopology.SubmitExchange, "acme", true, new BasicProperties { ContentType = "application/json" }, Bytes(Batch("after", [Rating("r1")])));

        var reasons = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await using var errors = await connection.CreateChannelAsync();

        // MassTransit declares the error queue with its first fault; declaring it here (same arguments) avoids racing it.
        await errors.QueueDeclareAsync($"{ToolTopology.SubmitQueue}_error", durable: true, exclusive: false, autoDelete: false);
        while (reasons.Count < unanswerable.Length && DateTime.UtcNow < deadline)
        {
            var got = await errors.BasicGetAsync($"{ToolTopology.SubmitQueue}_error", autoAck: true);
            if (got is null)
            {
                await Task.Delay(200);
                continue;
            }

            Assert.True(got.BasicProperties.Headers?.ContainsKey("MT-Fault-Message"), "the error queue message has no MT-Fault-Message header");
            reasons.Add(Encoding.UTF8.GetString((byte[])got.BasicProperties.Headers!["MT-Fault-Message"]!));
        }

        Assert.Equal(unanswerable.Length, reasons.Count);
        Assert.Contains(reasons, r => r.Contains("not valid JSON", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("not valid UTF-8", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("expected a JSON object", StringComparison.Ordinal));
        await Eventually.HoldsAsync(async () => (await intake.RecordedIdsAsync()).Contains("r1"), TimeSpan.FromSeconds(30), "rating r1 was never recorded");
    }
}
