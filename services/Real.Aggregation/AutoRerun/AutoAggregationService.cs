using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Real.Aggregation.Inputs;
using Real.Aggregation.LabelSets;
using Real.Aggregation.Runs;
using Real.Contracts;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.EventStore.Subscriptions;

namespace Real.Aggregation.AutoRerun;

/// <summary>
/// Re-runs aggregation when new crowd ratings arrive. A catch-up subscription on the <c>ratings</c> category notes
/// the newest crowd rating's position; once ratings stop arriving for <see cref="AutoAggregationOptions.QuietPeriod"/>
/// (or <see cref="AutoAggregationOptions.MaxDelay"/> passed), it appends a new label-set version as of that position
/// with the latest label set's rule and parameters, warm-started from its rater estimates. The run id derives from
/// (data set, position), so a restart never makes the same version twice; ratings already covered by the latest
/// label set trigger nothing.
/// </summary>
public sealed class AutoAggregationService(
    IEventStore store,
    EventSerializer serializer,
    IAnimalClasses animalClasses,
    AutoAggregationOptions options,
    ILogger<AutoAggregationService>? logger = null,
    TimeProvider? clock = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? NullLogger<AutoAggregationService>.Instance;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    // At most one pending signal: many ratings arriving together wake the run loop once.
    private readonly Channel<bool> _arrived = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _newestRating;
    private long _firstPendingAt;
    private long _lastArrivalAt;

    /// <summary>Raised after each automatic run (for tests and telemetry).</summary>
    public event Action<AggregationRunResult>? Completed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Ratings handled before a restart may not have been aggregated yet: start from the checkpoint's position.
        Volatile.Write(ref _newestRating, await store.LoadCheckpointAsync(options.SubscriptionId, stoppingToken) ?? 0);
        var subscription = new CatchUpSubscription(store, store, options.SubscriptionId, HandleAsync, new CatchUpSubscriptionOptions { Category = StreamNames.RatingsCategory, PageSize = 4096 });
        var subscribing = subscription.RunAsync(stoppingToken);
        try
        {
            await RunWhenQuietAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        await subscribing;
    }

    private ValueTask HandleAsync(RecordedEvent recorded, CancellationToken cancellationToken)
    {
        if (recorded.EventType == RatingLogReader.RatingRecordedType && RatingFields.IsCrowdRatingOf(recorded.Data.Span, options.DatasetId))
        {
            var now = _clock.GetTimestamp();
            Interlocked.CompareExchange(ref _firstPendingAt, now, 0);
            Volatile.Write(ref _lastArrivalAt, now);
            Volatile.Write(ref _newestRating, recorded.GlobalPosition);
            _arrived.Writer.TryWrite(true);
        }

        return ValueTask.CompletedTask;
    }

    private async Task RunWhenQuietAsync(CancellationToken stoppingToken)
    {
        await TryRunAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await _arrived.Reader.ReadAsync(stoppingToken);
            while (true)
            {
                var sinceLast = _clock.GetElapsedTime(Volatile.Read(ref _lastArrivalAt));
                var sinceFirst = _clock.GetElapsedTime(Volatile.Read(ref _firstPendingAt));
                if (sinceLast >= options.QuietPeriod || sinceFirst >= options.MaxDelay)
                {
                    break;
                }

                await Task.Delay(options.QuietPeriod - sinceLast, _clock, stoppingToken);
            }

            _arrived.Reader.TryRead(out _);
            Interlocked.Exchange(ref _firstPendingAt, 0);
            await TryRunAsync(stoppingToken);
        }
    }

    private async Task TryRunAsync(CancellationToken stoppingToken)
    {
        var upTo = Volatile.Read(ref _newestRating);
        if (upTo == 0)
        {
            return;
        }

        try
        {
            var latest = (await new LabelSetReader(store, serializer).ListAsync(stoppingToken))
                .LastOrDefault(s => s.IsComplete && s.Allocation.DatasetId == options.DatasetId);
            if (latest?.Started is { } started && started.InputUpToPosition >= upTo)
            {
                return;
            }

            var warm = latest is not null && await new LabelSetReader(store, serializer).ReadConfusionAsync(latest.Id, stoppingToken) is not null;
            var request = new AggregationRequest
            {
                RunId = DeterministicGuid.Create($"aggregation-auto:{options.DatasetId}:{upTo}"),
                DatasetId = options.DatasetId,
                Rule = latest?.Started?.Rule ?? options.Rule,
                Parameters = latest?.Started?.Parameters ?? new Dictionary<string, string>(),
                AsOf = AsOfPoint.AtPosition(upTo),
                WarmStartFrom = warm ? latest!.Id : null,
                Threads = options.Threads,
            };
            var result = await new AggregationRunner(store, serializer, animalClasses, clock: _clock).RunAsync(request, stoppingToken);
            _logger.LogInformation(
                "Label set {LabelSet} ({Rule}) re-derived as of position {Position}{WarmStart}: {Images} images rated, {Iterations} iterations",
                result.LabelSetId,
                result.Started.Rule,
                upTo,
                warm ? $", warm-started from {latest!.Id}" : "",
                result.Completed.ImagesRated,
                result.Completed.Iterations);
            Completed?.Invoke(result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed run must not stop the service; the next rating tries again.
            _logger.LogError(ex, "Automatic aggregation as of position {Position} failed", upTo);
        }
    }
}
