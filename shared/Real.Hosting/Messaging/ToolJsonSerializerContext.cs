using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace Real.Hosting.Messaging;

/// <summary>
/// What <see cref="ToolJsonSerializer"/> hands to MassTransit for one received body. The body is kept as bytes;
/// <see cref="RawToolMessage"/> is always available, other types only when the body is valid JSON of that shape.
/// </summary>
internal sealed class ToolJsonSerializerContext(byte[] body, MessageContext messageContext)
    : SystemTextJsonRawSerializerContext(
        SystemTextJsonMessageSerializer.Instance,
        ToolJson.Options,
        ToolJson.ContentType,
        messageContext,
        [],
        RawSerializerOptions.AnyMessageType,
        EmptyObject)
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public override bool TryGetMessage<T>(out T? message)
        where T : class
    {
        if (typeof(T) == typeof(RawToolMessage))
        {
            message = (T)(object)new RawToolMessage(body);
            return true;
        }

        message = TryDeserialize(typeof(T)) as T;
        return message is not null;
    }

    public override bool TryGetMessage(Type messageType, [NotNullWhen(true)] out object? message)
    {
        message = messageType == typeof(RawToolMessage) ? new RawToolMessage(body) : TryDeserialize(messageType);
        return message is not null;
    }

    /// <summary>
    /// Plain JSON carries no type, so a body is offered as <paramref name="type"/> only when its "messageType" (which
    /// Real writes into every message a tool receives) names that type, or when it has none.
    /// </summary>
    private object? TryDeserialize(Type type)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("messageType", out var messageType)
                && messageType.ValueKind == JsonValueKind.String
                && !messageType.ValueEquals(type.Name))
            {
                return null;
            }

            return document.RootElement.Deserialize(type, ToolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
