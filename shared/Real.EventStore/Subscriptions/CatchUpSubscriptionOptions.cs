namespace Real.EventStore.Subscriptions;

public sealed record CatchUpSubscriptionOptions
{
    /// <summary>Subscribe to one category (stream-name prefix before the first '-') instead of all of $all.</summary>
    public string? Category { get; init; }

    /// <summary>Events read per page; bounds the subscription's memory.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>How often a caught-up subscription looks for events appended by other processes.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Store the checkpoint after this many handled events (and always at the end of a page, when caught up, and on
    /// stop). 1 stores after every event: after a crash nothing is redelivered, at the cost of a write per event.
    /// </summary>
    public int CheckpointEvery { get; init; } = 1000;
}
