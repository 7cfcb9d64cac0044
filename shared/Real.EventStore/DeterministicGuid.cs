using System.Security.Cryptography;
using System.Text;

namespace Real.EventStore;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same namespace and name always give the same id.
/// Event ids derive from the causing message this way, so a redelivered message appends nothing new.
/// </summary>
public static class DeterministicGuid
{
    /// <summary>Namespace for ids of events appended by Real's own services.</summary>
    public static readonly Guid RealNamespace = new("5a1c3f9e-6d2b-4f7a-9c1e-0b8d2e4f6a13");

    public static Guid Create(string name) => Create(RealNamespace, name);

    public static Guid Create(Guid @namespace, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> ns = stackalloc byte[16];
        @namespace.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for v5 ids; no security rests on it.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
