using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Real.Contracts.Messages.Intake;
using Real.Hosting.Messaging;
using Real.RatingIntake.Submitting;
using Real.RatingIntake.Submitting.Http;
using Real.Contracts.Events.Intake;
using Real.Hosting;
using Real.Testing;
using static Real.RatingIntake.Tests.Submitting.SubmissionJson;

namespace Real.RatingIntake.Tests.Submitting;

public sealed class HttpIntakeTests : IAsyncLifetime
{
    private static readonly string AcmeKey = ToolApiKeys.GenerateKey();
    private static readonly string OtherKey = ToolApiKeys.GenerateKey();
    private readonly TempDirectory _home = new("real-intake-http");
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var keys = new ToolApiKeys([("acme", ToolApiKeys.Hash(AcmeKey)), ("other", ToolApiKeys.Hash(OtherKey))]);
        _app = IntakeHttpServer.Build(0, keys, services =>
        {
            services.AddRealEventStore(new RealSettings { Home = _home.Path, DataRoot = _home.Path });
            services.AddRatingIntake();
        });
        await IntakeBusHost.SeedAsync(_app.Services);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    [Fact]
    public async Task Accepts_a_batch_with_the_tools_key_and_gives_a_resent_batch_the_same_acceptance()
    {
        var json = Batch("h1", [Rating("r1"), Rating("r2")]);

        var (status, body) = await PostAsync(json, AcmeKey);
        var (againStatus, againBody) = await PostAsync(json, AcmeKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("RatingsAccepted", body.GetProperty("messageType").GetString());
        Assert.Equal(["r1", "r2"], Ids(body, "accepted"));
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(["r1", "r2"], Ids(againBody, "accepted"));
        Assert.Equal(["r1", "r2"], Ids(againBody, "duplicates"));
        Assert.Equal(["r1", "r2"], (await RecordedAsync("acme")).Select(r => r.RatingId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("real_not-a-key")]
    public async Task Refuses_a_missing_or_unknown_key_with_401(string? key)
    {
        var (status, body) = await PostAsync(Batch("h2", [Rating("r1")]), key);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Authorization", body.GetProperty("batchErrors")[0].GetProperty("field").GetString());
        Assert.Empty(await RecordedAsync("acme"));
    }

    [Fact]
    public async Task One_tools_key_cannot_submit_as_another_tool()
    {
        var (status, body) = await PostAsync(Batch("h3", [Rating("r1")], tool: "acme"), OtherKey);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("belongs to tool 'other'", body.GetProperty("batchErrors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await RecordedAsync("acme"));
    }

    [Fact]
    public async Task A_tool_cannot_rate_as_another_tools_rater()
    {
        var (status, body) = await PostAsync(Batch("h4", [Rating("r1", tool: "other"), Rating("r2").Replace("acme:r1", "other:r1", StringComparison.Ordinal)], tool: "other"), OtherKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["r1", "r2"], Ids(body, "accepted"));

        var (badStatus, badBody) = await PostAsync(Batch("h5", [Rating("r3", tool: "acme")], tool: "other"), OtherKey);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStatus);
        Assert.Equal("ratings[0].raterId", badBody.GetProperty("rejected")[0].GetProperty("field").GetString());
        Assert.DoesNotContain("r3", (await RecordedAsync("other")).Select(r => r.RatingId));
    }

    [Fact]
    public async Task Answers_malformed_and_partial_bodies_with_400_and_422()
    {
        var (malformed, malformedBody) = await PostAsync("{\"toolId\":\"acme\",", AcmeKey);
        var (partial, partialBody) = await PostAsync(Batch("h6", [Rating("ok"), Rating("bad", answer: "perhaps")]), AcmeKey);

        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Contains("not valid JSON", malformedBody.GetProperty("batchErrors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, partial);
        Assert.Equal(["ok"], Ids(partialBody, "accepted"));
        Assert.Equal("ratings[1].answer", partialBody.GetProperty("rejected")[0].GetProperty("field").GetString());
        Assert.Equal(["ok"], (await RecordedAsync("acme")).Select(r => r.RatingId));
    }

    private Task<List<RatingRecorded>> RecordedAsync(string toolId) => IntakeBusHost.RecordedAsync(_app.Services, toolId);

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RatingsEndpoint.Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string[] Ids(JsonElement body, string property) =>
        [.. body.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
