using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Real.RatingIntake.Catalog;
using Real.RatingIntake.Recording;
using Real.RatingIntake.Validation;
using Real.RatingIntake.Submitting;

namespace Real.RatingIntake;

/// <summary>Registers the rating intake: its services (<see cref="AddRatingIntake"/>) and its bus consumers (<see cref="AddRatingIntakeConsumers"/>).</summary>
public static class RatingIntakeServiceCollectionExtensions
{
    /// <summary>
    /// The intake's services: the question catalogue, the validator, the recorder (the one path by which ratings become
    /// RatingRecorded events) and the submission handler the transports share. Needs the event store
    /// (<c>AddRealEventStore</c>). A host may register its own <see cref="IRatingBatchRecorder"/> first (tests of the
    /// transports alone); otherwise the real recording path is used.
    /// </summary>
    public static IServiceCollection AddRatingIntake(this IServiceCollection services)
    {
        services.TryAddSingleton<QuestionCatalog>();
        services.TryAddSingleton<RatingValidator>(sp => new RatingValidator(sp.GetRequiredService<QuestionCatalog>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<RatingRecorder>();
        services.TryAddSingleton<IRatingBatchRecorder, RecordingBatchRecorder>();
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
