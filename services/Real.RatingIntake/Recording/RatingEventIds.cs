using System.Security.Cryptography;
using System.Text;
using Real.EventStore;

namespace Real.RatingIntake.Recording;

/// <summary>
/// The id of a RatingRecorded event: the name-based UUID <c>DeterministicGuid.Create("rating:{toolId}:{ratingId}")</c>,
/// so a re-sent rating maps to the event already stored and appends nothing. Tool ids hold no ':' (see
/// RatingValidator.IsValidToolId), so the name is unambiguous. An instance computes them without the intermediate
/// string and arrays and with one reused SHA-1 context (the bulk import derives a million); a test holds it equal
/// to <see cref="DeterministicGuid"/>. Instances are not thread-safe.
/// </summary>
public sealed class RatingEventIds : IDisposable
{
    private const int StackLimit = 512;
    private static readonly byte[] Namespace = DeterministicGuid.RealNamespace.ToByteArray(bigEndian: true);

#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for v5 ids; no security rests on it.
    private readonly IncrementalHash _sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350

    /// <summary>One id, the simple way (for single ratings and tests).</summary>
    public static Guid For(string toolId, string ratingId) => DeterministicGuid.Create($"rating:{toolId}:{ratingId}");

    public Guid Next(string toolId, string ratingId)
    {
        ArgumentNullException.ThrowIfNull(toolId);
        ArgumentNullException.ThrowIfNull(ratingId);
        if (16 + 8 + Encoding.UTF8.GetMaxByteCount(toolId.Length + ratingId.Length) > StackLimit)
        {
            return For(toolId, ratingId);
        }

        Span<byte> input = stackalloc byte[StackLimit];
        Namespace.CopyTo(input);
        var length = 16;
        length += Encoding.UTF8.GetBytes("rating:", input[length..]);
        length += Encoding.UTF8.GetBytes(toolId, input[length..]);
        input[length++] = (byte)':';
        length += Encoding.UTF8.GetBytes(ratingId, input[length..]);

        Span<byte> hash = stackalloc byte[20];
        _sha1.AppendData(input[..length]);
        _sha1.GetHashAndReset(hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    public void Dispose() => _sha1.Dispose();
}
