using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Real.Hosting;
using Real.Hosting.Messaging;
using Real.Hosting.ServiceHost;
using Real.RatingIntake.Submitting.Http;

namespace Real.RatingIntake;

/// <summary>
/// The rating-intake service as its own process (`real service rating-intake`): SubmitRatings from tools over AMQP
/// (queue real.ratings.submit, bound to real.tools.submit) and HTTP (POST /ratings with a tool's API key, on the
/// service's port), each batch validated and recorded through the one recording path.
/// </summary>
public static class RatingIntakeServiceHosting
{
    public const string Name = "rating-intake";

    public static RealServiceDefinition Definition { get; } = new(
        Name,
        "Records ratings from tools (AMQP real.ratings.submit, HTTP POST /ratings) as RatingRecorded events.",
        (services, settings, configuration) => services.AddRatingIntakeService(settings, configuration),
        AddConsumers: bus => bus.AddRatingIntakeConsumers(),
        MapEndpoints: app => app.MapRatingsIntake(),
        ReceiveQueues: [ToolTopology.SubmitQueue]);

    public static IServiceCollection AddRatingIntakeService(this IServiceCollection services, RealSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRealEventStore(settings);
        services.AddRatingIntake();

        // API keys of the HTTP intake: hashes from {home}/tool-keys and REAL_TOOL_KEYS (configuration, so appsettings works too).
        services.TryAddSingleton(_ => ToolApiKeys.Load(Path.Combine(settings.Home, "tool-keys"), configuration[ToolApiKeys.EnvironmentVariable]));
        return services;
    }
}
