using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using RabbitMQ.Client;
using Real.Hosting.Distributed;
using Real.Hosting.ErrorQueues;
using Real.Hosting.Messaging;
using Real.Hosting.ServiceHost;
using Real.RatingIntake;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Errors;

/// <summary>
/// A poison message ends in the rating intake's _error queue with its reason; `real errors list` shows it and
/// `real errors replay` re-drives it (through the tools' exchange, as the tool the operator vouches for).
/// </summary>
public sealed class ErrorQueueTests
{
    [Fact]
    public async Task A_poison_message_is_listed_with_its_reason_and_replayed_as_a_tool()
    {
        await using var infra = await IsolatedInfrastructure.CreateAsync("real_errors", LocalServices.RabbitMqUri, LocalServices.PostgresAdminConnectionString, CancellationToken.None);
        using var home = new TempDirectory();
        var options = new RealServiceOptions { Home = home.Path, DataRoot = home.Path, Store = "sqlite", Transport = "rabbitmq", RabbitMq = infra.RabbitMqUri.ToString(), Port = 0 };
        await using var intake = await RealServiceHost.BuildAsync(RatingIntakeServiceHosting.Definition, options, CancellationToken.None);
        await intake.StartAsync();
        await Hosting.HostedServiceHealth.WaitHealthyAsync(intake);
        await using var errors = await ErrorQueueClient.ConnectAsync(infra.RabbitMqUri, CancellationToken.None);

        // From inside Real (default exchange) and unreadable: no tool to answer, so it cannot be handled at all.
        await PublishToQueueAsync(infra.RabbitMqUri, ToolTopology.SubmitQueue, "this is not json", "poison-1");
        await Eventually.HoldsAsync(async () => (await errors.CountAsync(ToolTopology.SubmitQueue, CancellationToken.None)).Messages == 1, TimeSpan.FromSeconds(60), "the poison message never reached real.ratings.submit_error", TimeSpan.FromMilliseconds(200));

        var listed = await RealAsync("errors", "list", "--rabbitmq", infra.RabbitMqUri.ToString(), "--json");
        Assert.Equal(0, listed.ExitCode);
        using (var json = JsonDocument.Parse(listed.StdOut))
        {
            Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
            var message = Assert.Single(json.RootElement.GetProperty("messages").EnumerateArray());
            Assert.Equal("poison-1", message.GetProperty("message_id").GetString());
            Assert.Equal("real.ratings.submit_error", message.GetProperty("error_queue").GetString());
            Assert.False(string.IsNullOrWhiteSpace(message.GetProperty("exception_message").GetString()), listed.StdOut);
            Assert.Contains("not json", message.GetProperty("body_preview").GetString(), StringComparison.Ordinal);
        }

        // Listing took nothing away.
        Assert.Equal(1u, (await errors.CountAsync(ToolTopology.SubmitQueue, CancellationToken.None)).Messages);

        // The submit queue's messages carry a tool identity: replaying needs the operator to name the tool.
        var refused = await RealAsync("errors", "replay", "--rabbitmq", infra.RabbitMqUri.ToString(), "--queue", ToolTopology.SubmitQueue, "--all");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--as-tool", refused.StdOut + refused.StdErr, StringComparison.Ordinal);

        var replayed = await RealAsync("errors", "replay", "--rabbitmq", infra.RabbitMqUri.ToString(), "--queue", ToolTopology.SubmitQueue, "--all", "--as-tool", "probe", "--json");
        Assert.Equal(0, replayed.ExitCode);
        using (var json = JsonDocument.Parse(replayed.StdOut))
        {
            Assert.Equal(1, json.RootElement.GetProperty("replayed").GetInt32());
            Assert.Equal("poison-1", Assert.Single(json.RootElement.GetProperty("message_ids").EnumerateArray()).GetString());
        }

        // Re-driven as tool "probe", the intake can answer it (a rejection to the tool), so it does not fail again.
        await Eventually.HoldsAsync(async () => (await QueueDepthAsync(infra.RabbitMqUri, ToolTopology.SubmitQueue)) == 0, TimeSpan.FromSeconds(60), "the replayed message was never consumed", TimeSpan.FromMilliseconds(200));
        await Task.Delay(1000);
        Assert.Equal(0u, (await errors.CountAsync(ToolTopology.SubmitQueue, CancellationToken.None)).Messages);
        await intake.StopAsync();
    }

    private static async Task PublishToQueueAsync(Uri broker, string queue, string body, string messageId)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties { MessageId = messageId, ContentType = "application/json", Persistent = true }, Encoding.UTF8.GetBytes(body));
    }

    private static async Task<uint> QueueDepthAsync(Uri broker, string queue)
    {
        await using var probe = await QueueDepthProbe.ConnectAsync(broker, queue, CancellationToken.None);
        return await probe.DepthAsync(CancellationToken.None);
    }

    private static Task<(int ExitCode, string StdOut, string StdErr)> RealAsync(params string[] arguments) => Scenario.RealCli.RunAsync(arguments);
}
