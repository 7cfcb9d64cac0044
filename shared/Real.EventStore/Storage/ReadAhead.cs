using System.Runtime.CompilerServices;

namespace Real.EventStore.Storage;

/// <summary>
/// Reads pages ahead of the consumer, each on its own connection and thread, and yields them in order. A backend
/// supplies the page query (<see cref="PageFetch"/>); this decides which pages to ask for. While the consumer handles
/// one page the next is being read, so a replay's own work and the store's decoding overlap; and where keys are dense
/// (global positions, stream revisions: both backends assign them without gaps) two pages are read at once, the
/// second starting where the first must end, so two cores decode. A page that does not end where the next one was
/// guessed to start (a gap: an event removed behind the store's back) drops the guesses and goes on from the real
/// key, so the events yielded are exactly those of a page-by-page read. The first page is read alone (its start may be
/// no real key: a backwards read from long.MaxValue) and nothing more is asked for until the consumer takes its second
/// event, so a read that wants one event reads one small page; pages then grow from <see cref="FirstPageSize"/> to the
/// backend's page size. At most three pages are held in memory at once.
/// </summary>
internal static class ReadAhead
{
    /// <summary>Events in the first page: small, for the reads that want only the first few.</summary>
    public const int FirstPageSize = 256;

    /// <param name="fetch">Reads the page that starts at a key (inclusive), at most a count of events.</param>
    /// <param name="from">Key of the first event wanted.</param>
    /// <param name="step">+1 when keys grow along the read, -1 when they shrink (a backwards stream read).</param>
    /// <param name="keyOf">The key of an event (its position or revision).</param>
    /// <param name="denseKeys">Whether consecutive events of the read have consecutive keys (no category read does).</param>
    public static async IAsyncEnumerable<RecordedEvent> ReadAsync(
        PageFetch fetch,
        long from,
        int step,
        Func<RecordedEvent, long> keyOf,
        bool denseKeys,
        long maxCount,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var depth = 1;
        var pending = new Queue<Page>();
        var remaining = maxCount;
        var size = Math.Min(FirstPageSize, pageSize);
        long next = from;
        long requested = 0;

        void TopUp()
        {
            while (pending.Count < depth && remaining - requested > 0 && next >= 0)
            {
                var limit = (int)Math.Min(remaining - requested, size);
                pending.Enqueue(Page.Start(fetch, next, limit, stop.Token));
                requested += limit;
                next += (long)step * limit;
                size = (int)Math.Min((long)size * 2, pageSize);
            }
        }

        try
        {
            TopUp();
            while (pending.TryDequeue(out var page))
            {
                requested -= page.Limit;
                var events = await page.Events;
                remaining -= events.Count;
                var full = events.Count == page.Limit;
                if (full)
                {
                    var after = keyOf(events[^1]) + step;
                    if (after != page.From + ((long)step * page.Limit))
                    {
                        // Not where the pages asked for after this one were guessed to start (a gap, or a category's
                        // keys, which are never dense): drop them, go on from the real key.
                        await DropAsync(pending);
                        requested = 0;
                        next = after;
                    }

                    // From here on the keys are real ones: where they are dense, guess a second page ahead.
                    depth = denseKeys ? 2 : 1;
                }

                for (var i = 0; i < events.Count; i++)
                {
                    yield return events[i];
                    if (i == 0 && full)
                    {
                        // The consumer wants more than one event: ask for the next pages while it handles this one.
                        TopUp();
                    }
                }

                if (!full)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await DropAsync(pending);
        }
    }

    /// <summary>Waits for pages no one will read (so their connections go back) and forgets them and their errors.</summary>
    private static async Task DropAsync(Queue<Page> pending)
    {
        while (pending.TryDequeue(out var page))
        {
            try
            {
                await page.Events;
            }
            catch (Exception)
            {
                // Nobody reads this page: a read that goes on asks for its events again and meets the same error.
            }
        }
    }

    /// <summary>One page being read on the thread pool.</summary>
    private sealed record Page(long From, int Limit, Task<List<RecordedEvent>> Events)
    {
        public static Page Start(PageFetch fetch, long from, int limit, CancellationToken cancellationToken) =>
            new(from, limit, Task.Run(() => fetch(from, limit, cancellationToken), cancellationToken));
    }
}
