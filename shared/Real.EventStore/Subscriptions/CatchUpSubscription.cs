namespace Real.EventStore.Subscriptions;

/// <summary>
/// Delivers every event of $all (or of one category) in global order to a handler, starting after the subscriber's
/// durable checkpoint, page by page; when caught up it waits for new events (woken at once by appends in this process
/// when the store is an <see cref="IAppendNotifier"/>, else by polling). Positions are read with "greater than the
/// last handled position", and both stores commit positions in order, so no event is skipped or delivered twice
/// while running. The checkpoint is stored every <see cref="CatchUpSubscriptionOptions.CheckpointEvery"/> events, at
/// the end of each page and when stopping (also when the handler throws: up to the last event it handled).
/// After a clean stop a restart resumes with the next event; after a crash, events handled since the last stored
/// checkpoint are delivered again, so handlers must be idempotent (at-least-once).
/// </summary>
public sealed class CatchUpSubscription
{
    private readonly IEventReader _reader;
    private readonly ICheckpointStore _checkpoints;
    private readonly Func<RecordedEvent, CancellationToken, ValueTask> _handler;
    private readonly CatchUpSubscriptionOptions _options;
    private long _position;
    private long _storedPosition;
    private TaskCompletionSource _progressed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CatchUpSubscription(
        IEventReader reader,
        ICheckpointStore checkpoints,
        string subscriptionId,
        Func<RecordedEvent, CancellationToken, ValueTask> handler,
        CatchUpSubscriptionOptions? options = null)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _checkpoints = checkpoints ?? throw new ArgumentNullException(nameof(checkpoints));
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _options = options ?? new CatchUpSubscriptionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.CheckpointEvery, 1);
        SubscriptionId = subscriptionId;
    }

    public string SubscriptionId { get; }

    /// <summary>The global position of the last event handled (0 before the first).</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (then returns normally) or the handler throws.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _position = await _checkpoints.LoadCheckpointAsync(SubscriptionId, cancellationToken) ?? 0;
        _storedPosition = _position;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await HandlePageAsync(cancellationToken);
                if (read < _options.PageSize)
                {
                    await StoreCheckpointAsync(CancellationToken.None);
                    await WaitForEventsAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of a subscription.
        }
        finally
        {
            await StoreCheckpointAsync(CancellationToken.None);
        }
    }

    /// <summary>Completes once the subscription has handled the event at <paramref name="position"/> (or a later one).</summary>
    public async Task WaitForPositionAsync(long position, CancellationToken cancellationToken)
    {
        while (true)
        {
            var progressed = Volatile.Read(ref _progressed).Task;
            if (Position >= position)
            {
                return;
            }

            await progressed.WaitAsync(cancellationToken);
        }
    }

    private async Task<int> HandlePageAsync(CancellationToken cancellationToken)
    {
        var page = _options.Category is null
            ? _reader.ReadAllAsync(_position, _options.PageSize, cancellationToken)
            : _reader.ReadCategoryAsync(_options.Category, _position, _options.PageSize, cancellationToken);
        var read = 0;
        await foreach (var e in page)
        {
            if (e.GlobalPosition <= _position)
            {
                throw new InvalidOperationException($"Subscription '{SubscriptionId}' read position {e.GlobalPosition} after {_position}: the store returned events out of order.");
            }

            await _handler(e, cancellationToken);
            Volatile.Write(ref _position, e.GlobalPosition);
            read++;
            if (_position - _storedPosition >= _options.CheckpointEvery && read % _options.CheckpointEvery == 0)
            {
                await StoreCheckpointAsync(cancellationToken);
            }
        }

        if (read > 0)
        {
            await StoreCheckpointAsync(cancellationToken);
            Interlocked.Exchange(ref _progressed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        return read;
    }

    private async Task StoreCheckpointAsync(CancellationToken cancellationToken)
    {
        if (_position == _storedPosition)
        {
            return;
        }

        await _checkpoints.StoreCheckpointAsync(SubscriptionId, _position, cancellationToken);
        _storedPosition = _position;
    }

    private async Task WaitForEventsAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poll = Task.Delay(_options.PollInterval, wait.Token);
        if (_reader is IAppendNotifier notifier)
        {
            await Task.WhenAny(poll, notifier.WaitForAppendAsync(_position, wait.Token));
        }
        else
        {
            await Task.WhenAny(poll);
        }

        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
