using System.Text;
using Real.EventStore.Integrity;

namespace Real.EventStore.Tests.Integrity;

/// <summary>Pins the canonical encoding: a change here breaks every existing chain, so it must be deliberate.</summary>
public sealed class EventHashTests
{
    private static readonly Guid Id = Guid.Parse("01234567-89ab-cdef-0123-456789abcdef");

    [Fact]
    public void Canonical_bytes_are_length_prefixed_big_endian_fields_in_the_documented_order()
    {
        var buffer = new byte[256];
        var length = EventHash.WriteCanonical(buffer, "s-1", 2, 3, Id, "T", 4, "{}"u8, "m"u8);

        var expected = Convert.FromHexString(
            "01" + "00000003" + "732D31" + "0000000000000002" + "0000000000000003" + "0123456789ABCDEF0123456789ABCDEF"
            + "00000001" + "54" + "0000000000000004" + "00000002" + "7B7D" + "00000001" + "6D");
        Assert.Equal(expected, buffer[..length]);
        Assert.Equal(expected.Length, EventHash.CanonicalLength("s-1", "T", 2, 1));
    }

    [Fact]
    public void The_hash_is_sha256_of_the_previous_hash_and_the_canonical_bytes()
    {
        var previous = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var hash = new byte[32];
        EventHash.Compute(previous, "s-1", 2, 3, Id, "T", 4, "{}"u8, "m"u8, hash);

        var canonical = new byte[256];
        var length = EventHash.WriteCanonical(canonical, "s-1", 2, 3, Id, "T", 4, "{}"u8, "m"u8);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([.. previous, .. canonical[..length]]), hash);
    }

    [Fact]
    public void Moving_bytes_between_fields_changes_the_hash()
    {
        var a = new byte[32];
        var b = new byte[32];
        EventHash.Compute(EventHash.Genesis.Span, "ab", 0, 1, Id, "c", 0, "{}"u8, "{}"u8, a);
        EventHash.Compute(EventHash.Genesis.Span, "a", 0, 1, Id, "bc", 0, "{}"u8, "{}"u8, b);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Large_events_hash_the_same_way_as_small_ones()
    {
        var data = Encoding.UTF8.GetBytes(new string('x', 5000));
        var hash = new byte[32];
        EventHash.Compute(EventHash.Genesis.Span, "s", 0, 1, Id, "T", 0, data, "{}"u8, hash);

        var canonical = new byte[6000];
        var length = EventHash.WriteCanonical(canonical, "s", 0, 1, Id, "T", 0, data, "{}"u8);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([.. new byte[32], .. canonical[..length]]), hash);
    }
}
