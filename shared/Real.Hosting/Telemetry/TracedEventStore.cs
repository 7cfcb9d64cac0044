using System.Diagnostics;
using Real.EventStore;
using Real.EventStore.Subscriptions;

namespace Real.Hosting.Telemetry;

/// <summary>
/// Decorates the event store of a service process: every append runs in a "Real" span (child of the consume span
/// when a message caused it), and events appended without a correlation or causation get them from the trace:
/// <see cref="EventMetadata.CorrelationId"/> = the W3C trace id, <see cref="EventMetadata.CausationId"/> = the id of
/// the message being consumed (else the parent span). Metadata a handler set itself is kept. Metadata is not part of
/// the content compared for idempotency, so a redelivered message (new trace) still appends nothing.
/// Disposing it disposes the inner store unless <paramref name="ownsInner"/> is false (a view handed to a component
/// that disposes what it is given, while the container owns the store).
/// </summary>
public sealed class TracedEventStore(IEventStore inner, bool ownsInner = true) : IEventStore, IAppendNotifier, IAsyncDisposable, IDisposable
{
    public IEventStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public string Backend => Inner.Backend;

    public async Task<AppendResult> AppendToStreamAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        using var activity = RealTelemetry.Source.StartActivity("append " + StreamName.Category(stream));
        activity?.SetTag("real.stream", stream);
        activity?.SetTag("real.events", events.Count);
        try
        {
            var result = await Inner.AppendToStreamAsync(stream, expected, WithCausation(events), cancellationToken);
            activity?.SetTag("real.appended", result.AppendedCount);
            activity?.SetTag("real.position", result.LastGlobalPosition);
            return result;
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name + ": " + ex.Message);
            throw;
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Inner.InitializeAsync(cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, long maxCount = long.MaxValue, CancellationToken cancellationToken = default) =>
        Inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default) =>
        Inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadCategoryAsync(string category, long afterPosition = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default) =>
        Inner.ReadCategoryAsync(category, afterPosition, maxCount, cancellationToken);

    public Task<long?> GetStreamRevisionAsync(string stream, CancellationToken cancellationToken = default) => Inner.GetStreamRevisionAsync(stream, cancellationToken);

    public Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default) => Inner.GetHeadPositionAsync(cancellationToken);

    public Task<long?> LoadCheckpointAsync(string subscriptionId, CancellationToken cancellationToken = default) => Inner.LoadCheckpointAsync(subscriptionId, cancellationToken);

    public Task StoreCheckpointAsync(string subscriptionId, long position, CancellationToken cancellationToken = default) =>
        Inner.StoreCheckpointAsync(subscriptionId, position, cancellationToken);

    /// <summary>Forwards to the inner store; one that cannot notify never completes (subscribers then poll).</summary>
    public Task WaitForAppendAsync(long afterPosition, CancellationToken cancellationToken) =>
        Inner is IAppendNotifier notifier ? notifier.WaitForAppendAsync(afterPosition, cancellationToken) : Task.Delay(Timeout.Infinite, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!ownsInner)
        {
            return;
        }

        switch (Inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public void Dispose()
    {
        if (ownsInner)
        {
            (Inner as IDisposable)?.Dispose();
        }
    }

    private static IReadOnlyList<EventData> WithCausation(IReadOnlyList<EventData> events)
    {
        var traceId = MessageCausation.CurrentTraceId();
        if (traceId is null || events.Count == 0)
        {
            return events;
        }

        var causation = MessageCausation.CurrentMessageId() ?? Activity.Current?.ParentSpanId.ToHexString();
        EventData[]? copy = null;
        EventMetadata? lastIn = null;
        EventMetadata? lastOut = null;
        for (var i = 0; i < events.Count; i++)
        {
            var metadata = events[i].Metadata;
            if (metadata.CorrelationId is not null && metadata.CausationId is not null)
            {
                continue;
            }

            // Events of one append usually share one metadata instance: fill it once.
            if (!ReferenceEquals(metadata, lastIn))
            {
                lastIn = metadata;
                lastOut = metadata with { CorrelationId = metadata.CorrelationId ?? traceId, CausationId = metadata.CausationId ?? causation };
            }

            copy ??= [.. events];
            copy[i] = events[i] with { Metadata = lastOut! };
        }

        return copy ?? events;
    }
}
