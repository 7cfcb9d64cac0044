using System.Net;
using System.Net.Http.Headers;
using RabbitMQ.Client;
using Real.Contracts;
using Real.EndToEnd.Tests.Distributed.Scenario;
using Real.Hosting;
using Real.Hosting.Distributed;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed;

/// <summary>
/// With the credentials infra/local/run-distributed.sh hands out, one tool cannot submit as another: the broker
/// refuses its publish with the other tool's routing key, the intake answers a batch naming the other tool with a
/// batch error, and over HTTP its API key is refused for the other tool (403). Nothing reaches the other's stream.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class ToolIsolationTests
{
    private const string Intruder = "iso-intruder";

    [Fact]
    public async Task One_tool_cannot_submit_as_another_over_amqp_or_http()
    {
        await using var topology = await DistributedTopology.StartAsync([RealStudySubset.ToolId, Intruder], services: [DistributedTopology.RatingIntake]);
        var intruderUri = await topology.ToolUriAsync(Intruder);
        var rating = RealStudySubset.Instance.Ratings[0];
        var asVictim = SubmitRatingsJson.Write(RealStudySubset.ToolId, "impersonation-1", RealStudySubset.DatasetId, [rating]);

        // 1. AMQP, the victim's routing key: the broker's topic permissions refuse it and close the channel.
        var factory = new ConnectionFactory { Uri = intruderUri };
        await using (var connection = await factory.CreateConnectionAsync())
        {
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
            var refused = await Record.ExceptionAsync(async () =>
            {
                await channel.BasicPublishAsync(RatingToolClient.SubmitExchange, RealStudySubset.ToolId, mandatory: true, new BasicProperties { Persistent = true }, asVictim);
                await Task.Delay(500);
                Assert.True(channel.IsOpen, "unreachable: the channel should be closed by now");
            });
            Assert.NotNull(refused);
            Assert.Contains("ACCESS_REFUSED", (channel.CloseReason?.ReplyText ?? "") + refused.Message, StringComparison.Ordinal);
        }

        // 2. AMQP, its own routing key but the victim's id in the batch: the intake answers the intruder with a batch error.
        await using (var tool = await RatingToolClient.ConnectAsync(intruderUri, Intruder, window: 1, CancellationToken.None))
        {
            await tool.PublishAsync(asVictim, "impersonation-2", CancellationToken.None);
            await tool.WaitForRepliesAsync(1, TimeSpan.FromSeconds(60), CancellationToken.None);
            Assert.Equal(1L, tool.Replies.BatchErrors + tool.Replies.Rejected);
            Assert.Equal(0L, tool.Replies.Accepted);
        }

        // 3. HTTP: the intruder's key for the victim's batch.
        using (var http = new HttpClient { BaseAddress = topology.HttpBase(DistributedTopology.RatingIntake) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "ratings") { Content = new ByteArrayContent(asVictim) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await topology.ToolApiKeyAsync(Intruder));
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var settings = new RealSettings { Home = topology.State, DataRoot = RepositoryRoot.DataRoot, StoreBackend = "postgres", PostgresConnectionString = topology.PostgresConnectionString };
        await using var direct = new ScenarioStore(settings);
        await direct.Store.InitializeAsync();
        Assert.Equal(0, await direct.StreamLengthAsync(StreamNames.Ratings(RealStudySubset.ToolId)));
    }
}
