using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Real.RatingIntake.Catalog;
using Real.RatingIntake.Submitting;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Recording;

public static class RatingRecordingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the recording path as singletons: <see cref="QuestionCatalog"/>, <see cref="RatingValidator"/> and
    /// <see cref="RatingRecorder"/>, and <see cref="SubmitRatingsRecorder"/> as the transports' <see cref="IRatingBatchRecorder"/>. Needs the event store, <c>EventTypeRegistry</c> and <c>EventSerializer</c>
    /// (AddRealEventStore) and uses the registered <see cref="TimeProvider"/> when there is one.
    /// </summary>
    public static IServiceCollection AddRatingRecording(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<QuestionCatalog>();
        services.TryAddSingleton(sp => new RatingValidator(sp.GetRequiredService<QuestionCatalog>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<RatingRecorder>();
        services.TryAddSingleton<IRatingBatchRecorder, SubmitRatingsRecorder>();
        return services;
    }
}
