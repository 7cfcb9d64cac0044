using Real.EventStore;

namespace Real.RatingIntake.Recording;

/// <summary>
/// The id of a RatingRecorded event: a name-based UUID of (tool id, rating id), so a re-sent rating maps to the event
/// already stored and appends nothing. Tool ids hold no ':' (see RatingValidator.IsValidToolId), so the name is unambiguous.
/// </summary>
public static class RatingEventIds
{
    public static Guid For(string toolId, string ratingId) => DeterministicGuid.Create($"rating:{toolId}:{ratingId}");
}
