using System.Text.Json;
using Real.EventStore;

namespace Real.Reporting.Audit;

/// <summary>An event behind an explanation: where it sits in the log, its hash-chain link, and its data as stored.</summary>
public sealed record EventReference(
    long Position,
    string Stream,
    long Revision,
    string Type,
    Guid EventId,
    DateTimeOffset Created,
    string Hash,
    string? ProducingService,
    string? SourceMessageId,
    JsonElement Data)
{
    public static EventReference From(RecordedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var document = JsonDocument.Parse(e.Data);
        return new EventReference(
            e.GlobalPosition,
            e.Stream,
            e.Revision,
            e.EventType,
            e.EventId,
            e.Created,
            Convert.ToHexStringLower(e.Hash.Span),
            e.Metadata.ProducingService,
            e.Metadata.SourceMessageId,
            document.RootElement.Clone());
    }
}
