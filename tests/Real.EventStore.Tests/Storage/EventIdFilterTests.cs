using Real.EventStore.Storage;

namespace Real.EventStore.Tests.Storage;

/// <summary>
/// The filter may say "maybe" for an id it never saw, never "no" for one it did: a false negative would let a
/// repeated message append twice. These pin that, the false-positive rate the design promises, and growth.
/// </summary>
public sealed class EventIdFilterTests
{
    [Fact]
    public void Every_added_id_is_reported_across_many_segments()
    {
        var filter = new EventIdFilter(firstCapacity: 1024);
        var ids = Enumerable.Range(0, 300_000).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids)
        {
            filter.Add(id);
        }

        Assert.Equal(ids.Length, filter.Count);
        Assert.All(ids, id => Assert.True(filter.MightContain(id)));
    }

    [Fact]
    public void Time_ordered_and_name_based_ids_are_never_missed()
    {
        var filter = new EventIdFilter();
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        var ids = Enumerable.Range(0, 200_000).Select(i => Guid.CreateVersion7(start.AddTicks(i))).ToArray();
        foreach (var id in ids)
        {
            filter.Add(id);
        }

        Assert.All(ids, id => Assert.True(filter.MightContain(id)));
    }

    [Fact]
    public void Few_new_ids_are_reported_as_maybe_stored()
    {
        var filter = new EventIdFilter(firstCapacity: 1 << 16);
        for (var i = 0; i < 1_000_000; i++)
        {
            filter.Add(Guid.NewGuid());
        }

        // Five segments of 16 bits per id, 5 bits set in one word: about 0.4% per full segment, ~1.7% over all of them.
        var falsePositives = Enumerable.Range(0, 200_000).Count(_ => filter.MightContain(Guid.NewGuid()));
        Assert.InRange(falsePositives / 200_000.0, 0.0, 0.03);
    }

    [Fact]
    public void Sequential_time_ordered_ids_do_not_crowd_the_filter()
    {
        var filter = new EventIdFilter();
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        for (var i = 0; i < 300_000; i++)
        {
            filter.Add(Guid.CreateVersion7(start.AddMilliseconds(i)));
        }

        var later = start.AddDays(1);
        var falsePositives = Enumerable.Range(0, 100_000).Count(i => filter.MightContain(Guid.CreateVersion7(later.AddMilliseconds(i))));
        Assert.InRange(falsePositives / 100_000.0, 0.0, 0.03);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void A_first_capacity_that_is_not_a_power_of_two_of_at_least_64_is_refused(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventIdFilter(capacity));

    [Fact]
    public void An_empty_or_cleared_filter_contains_nothing()
    {
        var filter = new EventIdFilter();
        var id = Guid.NewGuid();
        Assert.False(filter.MightContain(id));

        filter.Add(id);
        Assert.True(filter.MightContain(id));

        filter.Clear();
        Assert.Equal(0, filter.Count);
        Assert.False(filter.MightContain(id));
    }
}
