using Real.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Real.Hosting.ServiceHost;

namespace Real.EndToEnd.Tests.Distributed.Hosting;

/// <summary>Waits for an in-process service host's /health to answer 200 (store reachable, every bus endpoint connected).</summary>
public static class HostedServiceHealth
{
    public static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task WaitHealthyAsync(WebApplication app, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(AddressOf(app)) };
        var last = "";
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri(RealServiceHost.HealthPath, UriKind.Relative));
                last = response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync();
                return response.IsSuccessStatusCode;
            },
            timeout ?? TimeSpan.FromSeconds(90),
            () => $"the service did not become healthy: {last}",
            TimeSpan.FromMilliseconds(200));
    }
}
