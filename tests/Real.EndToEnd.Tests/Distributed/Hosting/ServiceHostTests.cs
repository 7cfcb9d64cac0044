using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Real.EventStore;
using Real.Hosting.ServiceHost;
using Real.Hosting.Telemetry;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Hosting;

public sealed class ServiceHostTests
{
    [Fact]
    public async Task Health_reports_the_store_and_the_bus_as_json()
    {
        using var temp = new TempDirectory();
        var definition = new RealServiceDefinition("probe", "test service", (_, _, _) => { });
        await using var app = await RealServiceHost.BuildAsync(definition, Options(temp), CancellationToken.None);
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(AddressOf(app)) };
        using var response = await Eventually.ReturnsAsync(
            async () =>
            {
                var answer = await http.GetAsync(new Uri(RealServiceHost.HealthPath, UriKind.Relative));
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return answer;
                }

                answer.Dispose();
                return null;
            },
            TimeSpan.FromSeconds(30),
            $"{RealServiceHost.HealthPath} never answered 200",
            TimeSpan.FromMilliseconds(200));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");

        Assert.Equal("probe", body.RootElement.GetProperty("service").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("event-store").GetProperty("status").GetString());
        Assert.Contains(checks.EnumerateObject(), c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
        Assert.IsType<TracedEventStore>(app.Services.GetRequiredService<IEventStore>());
        Assert.Same(app.Services.GetRequiredService<IEventStore>(), app.Services.GetRequiredService<IEventWriter>());
        await app.StopAsync();
    }

    [Fact]
    public async Task Health_is_503_while_the_broker_cannot_be_reached()
    {
        using var temp = new TempDirectory();
        var definition = new RealServiceDefinition("probe", "test service", (_, _, _) => { });
        var options = Options(temp) with { Transport = "rabbitmq", RabbitMq = "amqp://guest:guest@127.0.0.1:1/" };
        await using var app = await RealServiceHost.BuildAsync(definition, options, CancellationToken.None);
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(AddressOf(app)) };
        var response = await http.GetAsync(new Uri(RealServiceHost.HealthPath, UriKind.Relative));
        var live = await http.GetAsync(new Uri(RealServiceHost.LivenessPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"event-store\":{\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_bad_port_setting_is_refused_naming_the_setting()
    {
        using var temp = new TempDirectory();
        var definition = new RealServiceDefinition("probe", "test service", (_, _, _) => { });
        var configFile = temp.File("bad.json");
        await File.WriteAllTextAsync(configFile, """{ "Real": { "Http": { "Port": "eighty" } } }""");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            RealServiceHost.BuildAsync(definition, new RealServiceOptions { Home = temp.Path, DataRoot = temp.Path, Store = "sqlite", Transport = "inmemory", ConfigFile = configFile }, CancellationToken.None));

        Assert.Contains("Real:Http:Port", error.Message, StringComparison.Ordinal);
        Assert.Contains("eighty", error.Message, StringComparison.Ordinal);
    }

    private static RealServiceOptions Options(TempDirectory temp) =>
        new() { Home = temp.Path, DataRoot = temp.Path, Store = "sqlite", Transport = "inmemory", Port = 0 };

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
