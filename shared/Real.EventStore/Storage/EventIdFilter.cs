using System.Runtime.InteropServices;

namespace Real.EventStore.Storage;

/// <summary>
/// A Bloom filter over event ids: "certainly not stored" or "maybe stored". Almost every id an append brings is new,
/// and proving that against an index on disk cost one B-tree lookup per event (a fifth of an append's time); this
/// answers it from memory, and only a "maybe" (a real duplicate, or about 4 in 1000 new ids per full segment) goes to the index.
/// <para>
/// It grows without rehashing: segments of doubling capacity, each filled to its capacity, and a query asks every
/// segment (a handful for millions of ids). Each segment is register-blocked: an id sets 5 bits in one 64-bit word,
/// 16 bits of filter per id, so a query touches one cache line per segment. 2 to 4 bytes of memory per id (segments
/// double, the last one is part empty).
/// </para>
/// Not thread-safe. Never forgets an id (no removal), so it has no false negatives.
/// </summary>
public sealed class EventIdFilter
{
    private const int BitsPerId = 16;
    private const int BitsSetPerId = 5;

    // Segments stop doubling here (2 GiB each) so sizes stay within int; past a billion ids they only add up.
    private const int MaxCapacity = 1 << 30;

    private readonly List<Segment> _segments = [];
    private readonly int _firstCapacity;

    /// <param name="firstCapacity">
    /// Ids the first segment holds (a power of two). The default, about a million, is 2 MiB and answers a store of up
    /// to a million events with one probe; tests pass a small one to cross segments.
    /// </param>
    public EventIdFilter(int firstCapacity = 1 << 20)
    {
        if (firstCapacity < 64 || !int.IsPow2(firstCapacity))
        {
            throw new ArgumentOutOfRangeException(nameof(firstCapacity), firstCapacity, "The first capacity is a power of two of at least 64.");
        }

        _firstCapacity = firstCapacity;
    }

    /// <summary>Ids added (repeats counted).</summary>
    public long Count { get; private set; }

    public void Add(Guid id)
    {
        if (_segments.Count == 0 || _segments[^1].IsFull)
        {
            _segments.Add(new Segment(_segments.Count == 0 ? _firstCapacity : Math.Min(_segments[^1].Capacity * 2L, MaxCapacity)));
        }

        _segments[^1].Add(Hash(id));
        Count++;
    }

    /// <summary>False: the id was never added. True: it may have been.</summary>
    public bool MightContain(Guid id)
    {
        var hash = Hash(id);
        foreach (var segment in _segments)
        {
            if (segment.MightContain(hash))
            {
                return true;
            }
        }

        return false;
    }

    public void Clear()
    {
        _segments.Clear();
        Count = 0;
    }

    /// <summary>
    /// 64 well-mixed bits from the 128 of the id. Random (v4) and name-based (v5) ids are uniform already, but
    /// time-ordered ones (v7) are not, so both halves go through a finaliser (splitmix64's) rather than being used raw.
    /// </summary>
    private static ulong Hash(Guid id)
    {
        var halves = MemoryMarshal.Cast<Guid, ulong>(MemoryMarshal.CreateReadOnlySpan(ref id, 1));
        return Mix(halves[0] ^ Mix(halves[1] + 0x9E3779B97F4A7C15UL));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private sealed class Segment(long capacity)
    {
        private readonly ulong[] _words = new ulong[(long)capacity * BitsPerId / 64];
        private long _count;

        public long Capacity { get; } = capacity;

        public bool IsFull => _count >= Capacity;

        public void Add(ulong hash)
        {
            _words[WordIndex(hash)] |= Bits(hash);
            _count++;
        }

        public bool MightContain(ulong hash)
        {
            var bits = Bits(hash);
            return (_words[WordIndex(hash)] & bits) == bits;
        }

        // The low bits pick the word (the length is a power of two); the top 30 bits give five 6-bit bit numbers.
        private int WordIndex(ulong hash) => (int)(hash & (ulong)(_words.Length - 1));

        private static ulong Bits(ulong hash)
        {
            var bits = 0UL;
            for (var i = 0; i < BitsSetPerId; i++)
            {
                bits |= 1UL << (int)((hash >> (34 + (6 * i))) & 63);
            }

            return bits;
        }
    }
}
