using System.Net.Mime;
using MassTransit;

namespace Real.Hosting.Messaging;

/// <summary>Registers <see cref="ToolJsonSerializer"/> with MassTransit for the content type application/json.</summary>
public sealed class ToolJsonSerializerFactory : ISerializerFactory
{
    public ContentType ContentType => ToolJson.ContentType;

    public IMessageSerializer CreateSerializer() => ToolJsonSerializer.Instance;

    public IMessageDeserializer CreateDeserializer() => ToolJsonSerializer.Instance;
}
