namespace Real.EventStore.Tests.Conformance;

/// <summary>Compares recorded events by value, bytes included (records compare ReadOnlyMemory by reference).</summary>
public sealed class RecordedEventComparer : IEqualityComparer<RecordedEvent>
{
    public static RecordedEventComparer Instance { get; } = new();

    public bool Equals(RecordedEvent? x, RecordedEvent? y) =>
        x is not null && y is not null
        && x.EventId == y.EventId && x.EventType == y.EventType && x.Stream == y.Stream && x.Revision == y.Revision
        && x.GlobalPosition == y.GlobalPosition && x.Created == y.Created && x.Metadata == y.Metadata
        && x.Data.Span.SequenceEqual(y.Data.Span) && x.Hash.Span.SequenceEqual(y.Hash.Span)
        && x.StoredMetadata.Span.SequenceEqual(y.StoredMetadata.Span);

    public int GetHashCode(RecordedEvent obj) => obj.EventId.GetHashCode();
}
