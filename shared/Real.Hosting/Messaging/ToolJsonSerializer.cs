using System.Net.Mime;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace Real.Hosting.Messaging;

/// <summary>
/// Serializer and deserializer for the tool-facing endpoints (content type application/json, no envelope).
/// Sending: a <see cref="RawToolMessage"/> goes out as its bytes unchanged; any other message as plain JSON in
/// <see cref="ToolJson.Options"/>. Receiving: never fails; every body, however broken, reaches the consumer as a
/// <see cref="RawToolMessage"/>, because the consumer must answer even a truncated or non-UTF-8 message with a reason.
/// Other message types are still offered (deserialized leniently from the body when it is valid JSON) so that
/// .NET tests can consume what tools receive.
/// </summary>
public sealed class ToolJsonSerializer : IMessageSerializer, IMessageDeserializer
{
    public static ToolJsonSerializer Instance { get; } = new();

    /// <summary>Makes one outgoing message plain JSON (or raw bytes, for a <see cref="RawToolMessage"/>).</summary>
    public static void Use(SendContext context)
    {
        context.Serializer = Instance;
        context.ContentType = ToolJson.ContentType;
    }

    public ContentType ContentType => ToolJson.ContentType;

    public void Probe(ProbeContext context)
    {
        var scope = context.CreateScope("tool-json");
        scope.Add("contentType", ContentType.MediaType);
    }

    public MessageBody GetMessageBody<T>(SendContext<T> context)
        where T : class =>
        context.Message is RawToolMessage raw
            ? new BytesMessageBody(raw.Body.ToArray())
            : new BytesMessageBody(JsonSerializer.SerializeToUtf8Bytes(context.Message, context.Message.GetType(), ToolJson.Options));

    public ConsumeContext Deserialize(ReceiveContext receiveContext) =>
        new BodyConsumeContext(receiveContext, Deserialize(receiveContext.Body, receiveContext.TransportHeaders, receiveContext.InputAddress));

    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null) =>
        new ToolJsonSerializerContext(body.GetBytes(), new RawMessageContext(headers, destinationAddress, RawSerializerOptions.AnyMessageType));

    public MessageBody GetMessageBody(string text) => new StringMessageBody(text);
}
