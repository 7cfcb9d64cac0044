namespace Real.EventStore.Serialization;

/// <summary>
/// The stable name an event type is stored under, e.g. "RatingRecorded". Never derived from the CLR name,
/// so classes can be renamed or moved without breaking the log.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
