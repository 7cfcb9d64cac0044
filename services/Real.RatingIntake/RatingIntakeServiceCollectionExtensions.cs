using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Real.RatingIntake.Submitting;

namespace Real.RatingIntake;

/// <summary>Registers the rating intake: its services (<see cref="AddRatingIntake"/>) and its bus consumers (<see cref="AddRatingIntakeConsumers"/>).</summary>
public static class RatingIntakeServiceCollectionExtensions
{
    /// <summary>The intake's services. Needs an event store and an <see cref="IRatingBatchRecorder"/> registered by the host.</summary>
    public static IServiceCollection AddRatingIntake(this IServiceCollection services)
    {
        services.AddSingleton<RatingSubmissionHandler>();
        return services;
    }

    /// <summary>The intake's consumers, for <c>AddRealMessaging(settings, bus => bus.AddRatingIntakeConsumers())</c>.</summary>
    public static IBusRegistrationConfigurator AddRatingIntakeConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SubmitRatingsConsumer, SubmitRatingsConsumerDefinition>();
        return bus;
    }
}
