namespace Real.EventStore;

/// <summary>
/// Where an event came from. Stored beside the data and covered by the hash chain.
/// Not part of the content compared for idempotency: a redelivered message may carry another correlation id.
/// </summary>
public sealed record EventMetadata
{
    public string? CorrelationId { get; init; }

    public string? CausationId { get; init; }

    /// <summary>Id of the message (or import row) that caused the event; the event id is derived from it.</summary>
    public string? SourceMessageId { get; init; }

    /// <summary>The service that produced the event, e.g. "rating-intake".</summary>
    public string? ProducingService { get; init; }

    /// <summary>Version of the event's data schema; bump when fields change meaning.</summary>
    public int SchemaVersion { get; init; } = 1;

    public static EventMetadata Empty { get; } = new();
}
