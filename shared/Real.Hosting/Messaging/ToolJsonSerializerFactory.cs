using System.Net.Mime;
using MassTransit;

namespace Real.Hosting.Messaging;

/// <summary>Registers <see cref="ToolJsonSerializer"/> with MassTransit for the content type application/json.</summary>
public sealed class ToolJsonSerializerFactory : ISerializerFactory
{
    private static readonly ToolJsonSerializer Serializer = new();

    public ContentType ContentType => ToolJson.ContentType;

    public IMessageSerializer CreateSerializer() => Serializer;

    public IMessageDeserializer CreateDeserializer() => Serializer;
}
