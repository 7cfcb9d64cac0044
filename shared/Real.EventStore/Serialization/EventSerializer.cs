using System.Text.Json;
using System.Text.Json.Serialization;

namespace Real.EventStore.Serialization;

/// <summary>System.Text.Json (camelCase, enums as strings) between event records and the store's UTF-8 JSON data.</summary>
public sealed class EventSerializer(EventTypeRegistry registry)
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public EventTypeRegistry Registry { get; } = registry;

    public EventData ToEventData<T>(Guid eventId, T @event, EventMetadata? metadata = null)
        where T : notnull =>
        new(eventId, Registry.NameOf(@event.GetType()), JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), Options), metadata ?? EventMetadata.Empty);

    public T Deserialize<T>(RecordedEvent recorded) =>
        JsonSerializer.Deserialize<T>(recorded.Data.Span, Options)
            ?? throw new InvalidDataException($"Event at position {recorded.GlobalPosition} ({recorded.EventType}) has null data.");

    /// <summary>Deserializes to the registered type, or returns null for a type this process does not know.</summary>
    public object? TryDeserialize(RecordedEvent recorded) =>
        Registry.TryGetType(recorded.EventType, out var type) ? JsonSerializer.Deserialize(recorded.Data.Span, type, Options) : null;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
