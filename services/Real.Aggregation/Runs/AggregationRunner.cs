using System.Diagnostics;
using Real.Aggregation.DawidSkene;
using Real.Aggregation.Inputs;
using Real.Aggregation.Labels;
using Real.Aggregation.LabelSets;
using Real.Aggregation.Rules;
using Real.Contracts;
using Real.Contracts.Events.Aggregation;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Aggregation.Runs;

/// <summary>
/// Performs one aggregation run: reads the crowd ratings up to the requested point of the log, scores them with the
/// requested rule, and appends a new label-set version — started, rater confusion, labels in batches, completed —
/// in one atomic append to a stream that must not exist yet. Idempotent per run id: a repeated request returns the
/// label set it made before and appends nothing. Earlier versions are never touched.
/// </summary>
public sealed class AggregationRunner(IEventStore store, EventSerializer serializer, IAnimalClasses animalClasses, RuleCatalog? rules = null, TimeProvider? clock = null)
{
    private readonly RuleCatalog _rules = rules ?? RuleCatalog.Standard;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly LabelSetReader _labelSets = new(store, serializer);

    public async Task<AggregationRunResult> RunAsync(AggregationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Check the request before touching the log: a bad rule or parameter fails at once, naming it.
        var (rule, parameters) = _rules.Resolve(request.Rule, request.Parameters);
        if (request.LabelSetId is { } wanted && !LabelSetIndex.IsValidId(wanted))
        {
            throw new ArgumentException($"Label set id '{wanted}' may only hold letters, digits, '.', '_' and '-', and must not start with 'latest'.");
        }

        if (await FindExistingAsync(request.RunId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var startedAt = _clock.GetUtcNow();
        var readWatch = Stopwatch.StartNew();
        var upTo = await ResolvePositionAsync(request.AsOf, cancellationToken);
        var dataset = await new DatasetReader(store, serializer).ReadAsync(request.DatasetId, animalClasses, cancellationToken);
        var snapshot = await new RatingLogReader(store).ReadAsync(dataset, RaterRole.Crowd, upTo, cancellationToken: cancellationToken);
        var warmStart = request.WarmStartFrom is null ? null : await ReadWarmStartAsync(request.WarmStartFrom, cancellationToken);
        readWatch.Stop();

        var computeWatch = Stopwatch.StartNew();
        var outcome = rule.Score(snapshot.Input, parameters, new RuleExecution { Threads = request.Threads, WarmStart = warmStart });
        var derived = LabelDerivation.Derive(snapshot.Input, outcome.Scores, outcome.Threshold);
        computeWatch.Stop();

        var writeWatch = Stopwatch.StartNew();
        var labelSetId = await new LabelSetIndex(store, serializer, _clock).AllocateAsync(request.RunId, request.DatasetId, rule.Name, request.LabelSetId, cancellationToken);
        var started = new AggregationStarted(
            labelSetId,
            request.RunId.ToString(),
            request.DatasetId,
            rule.Name,
            rule.Version,
            parameters.Values,
            upTo,
            request.AsOf?.Text,
            dataset.AnimalClasses(),
            CodeVersion.Current,
            request.WarmStartFrom,
            startedAt);
        var completed = new AggregationCompleted(
            labelSetId,
            derived.ImagesRated,
            derived.QuestionsScored,
            outcome.VotesUsed,
            outcome.Raters.Count == 0 ? snapshot.Input.RaterIds.Count : outcome.Raters.Count,
            derived.MultiLabelShare,
            derived.EmptySets,
            outcome.Iterations,
            outcome.Converged,
            computeWatch.Elapsed.TotalSeconds,
            (derived.ImagesRated + LabelSetEvents.ImagesPerBatch - 1) / LabelSetEvents.ImagesPerBatch,
            _clock.GetUtcNow());
        var events = LabelSetEvents.ToEventData(
            serializer,
            request.RunId,
            started,
            LabelSetEvents.Confusion(labelSetId, outcome),
            LabelSetEvents.Labels(labelSetId, dataset.ImageFiles, derived).ToArray(),
            completed);
        try
        {
            await store.AppendToStreamAsync(StreamNames.LabelSet(labelSetId), ExpectedRevision.NoStream, events, cancellationToken);
        }
        catch (Exception ex) when (ex is WrongExpectedVersionException or DuplicateEventIdException)
        {
            // The same run finished concurrently (a redelivery racing the original): report what is there.
            return await FindExistingAsync(request.RunId, cancellationToken)
                ?? throw new InvalidOperationException($"Label set '{labelSetId}' already exists and was made by another run; it is never overwritten.");
        }

        writeWatch.Stop();
        return new AggregationRunResult(
            labelSetId,
            started,
            completed,
            AlreadyExisted: false,
            new RunTimings(readWatch.Elapsed.TotalSeconds, computeWatch.Elapsed.TotalSeconds, writeWatch.Elapsed.TotalSeconds),
            snapshot.EventsRead);
    }

    /// <summary>The global position the run reads up to: the one given, the last rating at or before the time given, or the head.</summary>
    private async Task<long> ResolvePositionAsync(AsOfPoint? asOf, CancellationToken cancellationToken)
    {
        var head = await store.GetHeadPositionAsync(cancellationToken);
        if (asOf?.Position is { } position)
        {
            return position <= head
                ? position
                : throw new ArgumentException($"--as-of {position} lies beyond the end of the log (the last position is {head}).");
        }

        if (asOf?.Time is not { } time)
        {
            return head;
        }

        var last = 0L;
        await foreach (var recorded in store.ReadCategoryAsync(StreamNames.RatingsCategory, 0, cancellationToken: cancellationToken))
        {
            if (recorded.Created > time)
            {
                break;
            }

            last = recorded.GlobalPosition;
        }

        return last;
    }

    private async Task<PreviousEstimate> ReadWarmStartAsync(string reference, CancellationToken cancellationToken)
    {
        var id = await _labelSets.ResolveAsync(reference, cancellationToken: cancellationToken);
        var confusion = await _labelSets.ReadConfusionAsync(id, cancellationToken)
            ?? throw new ArgumentException($"Label set '{id}' has no rater estimates to warm-start from (its rule has no rater model).");
        return new PreviousEstimate(
            confusion.PriorFits,
            confusion.Raters.ToDictionary(r => r.RaterId, r => new RaterRows(r.GivenNotFits, r.GivenFits), StringComparer.Ordinal));
    }

    private async Task<AggregationRunResult?> FindExistingAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = runId.ToString();
        var allocation = (await new LabelSetIndex(store, serializer).ReadAsync(cancellationToken)).FirstOrDefault(a => a.RunId == run);
        if (allocation is null || await store.GetStreamRevisionAsync(StreamNames.LabelSet(allocation.LabelSetId), cancellationToken) is null)
        {
            return null;
        }

        var summary = (await _labelSets.ListAsync(cancellationToken)).Single(s => s.Id == allocation.LabelSetId);
        if (summary.Started is null || summary.Completed is null || summary.Started.RunId != run)
        {
            throw new InvalidDataException($"Label set '{allocation.LabelSetId}' of run {run} is damaged: its stream lacks a matching started or completed event.");
        }

        return new AggregationRunResult(allocation.LabelSetId, summary.Started, summary.Completed, AlreadyExisted: true, RunTimings.None, 0);
    }
}
