using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Real.Hosting;
using Real.Hosting.ServiceHost;

namespace Real.RatingIntake;

/// <summary>The rating-intake service as its own process (`real service rating-intake`): what it registers beside the host's store, logs, traces and health.</summary>
public static class RatingIntakeServiceHosting
{
    public const string Name = "rating-intake";

    public static RealServiceDefinition Definition { get; } = new(
        Name,
        "Records ratings from tools (AMQP real.ratings.submit, HTTP POST /ratings) as RatingRecorded events.",
        (services, settings, configuration) => services.AddRatingIntakeService(settings, configuration));

    public static IServiceCollection AddRatingIntakeService(this IServiceCollection services, RealSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRealEventStore(settings);
        return services;
    }
}
