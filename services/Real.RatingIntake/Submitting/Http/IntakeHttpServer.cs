using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Real.Contracts.Messages.Intake;

namespace Real.RatingIntake.Submitting.Http;

/// <summary>
/// The HTTP intake as a small Kestrel app, bound to 127.0.0.1 only: put a TLS-terminating reverse proxy in front of
/// it to expose it. Port 0 picks a free port (see <see cref="WebApplication.Urls"/> after start).
/// </summary>
public static class IntakeHttpServer
{
    public static WebApplication Build(int port, ToolApiKeys keys, Action<IServiceCollection> configureServices)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = SubmitRatings.MaxBodyBytes + 1;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton(keys);
        configureServices(builder.Services);
        var app = builder.Build();
        app.MapRatingsIntake();
        return app;
    }
}
