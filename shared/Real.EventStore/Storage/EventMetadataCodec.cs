using System.Text.Json;
using System.Text.Json.Serialization;

namespace Real.EventStore.Storage;

/// <summary>
/// Metadata as stored: compact UTF-8 JSON, camelCase, null fields left out. The stored bytes are what the hash
/// chain covers; they are kept as written and never re-serialized.
/// </summary>
public static class EventMetadataCodec
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    private static readonly byte[] EmptyBytes = JsonSerializer.SerializeToUtf8Bytes(EventMetadata.Empty, Options);

    public static byte[] Encode(EventMetadata? metadata) =>
        metadata is null || ReferenceEquals(metadata, EventMetadata.Empty) || metadata == EventMetadata.Empty
            ? EmptyBytes
            : JsonSerializer.SerializeToUtf8Bytes(metadata, Options);

    public static EventMetadata Decode(ReadOnlySpan<byte> json) =>
        json.SequenceEqual(EmptyBytes)
            ? EventMetadata.Empty
            : JsonSerializer.Deserialize<EventMetadata>(json, Options) ?? EventMetadata.Empty;
}
