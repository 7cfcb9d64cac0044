namespace Real.Hosting.Messaging;

/// <summary>
/// A message from an external tool exactly as it arrived: the raw body bytes, not yet parsed. The tool endpoint hands
/// bodies over this way so that truncated JSON, non-UTF-8 bytes or wrong types reach our own parser (which answers with
/// a precise rejection) instead of failing inside MassTransit's deserializer. Also used to send raw bytes in tests and
/// benchmarks, through <see cref="ToolJsonSerializer"/>.
/// </summary>
public sealed class RawToolMessage(ReadOnlyMemory<byte> body)
{
    public ReadOnlyMemory<byte> Body { get; } = body;
}
