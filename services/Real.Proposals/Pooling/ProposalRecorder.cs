using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Proposals.Datasets;

namespace Real.Proposals.Pooling;

/// <summary>
/// Writes a pooled run to the log: per batch of images one <see cref="ProposalsGenerated"/> and one
/// <see cref="QuestionsRegistered"/> (source "proposals": the (image, label) pairs sent for rating) appended together
/// to <c>proposals-{dataset}</c>, and one <see cref="RatingTaskIssued"/> per task to <c>tasks-{dataset}</c>.
/// Task ids derive from the data set, image and labels, so the same task is never issued twice, even by two runs.
/// </summary>
public sealed class ProposalRecorder(IEventWriter writer, EventSerializer serializer)
{
    /// <summary>Images per ProposalsGenerated event (about 100 kB of JSON with a handful of candidates each).</summary>
    public const int ImagesPerEvent = 500;

    public const string QuestionSource = "proposals";

    public async Task<ProposalRecording> RecordAsync(
        string runId,
        DatasetImages dataset,
        IReadOnlyList<ModelRef> models,
        PoolingRule rule,
        IReadOnlyList<(PooledImage Image, IReadOnlyList<IReadOnlyList<int>> Tasks)> pooled,
        string? correlationId,
        CancellationToken cancellationToken)
    {
        var datasetId = dataset.DatasetId;
        var tasks = new List<RatingTaskIssued>();
        var proposals = new List<ImageProposals>(pooled.Count);
        var questions = new List<QuestionRef>();
        foreach (var (image, imageTasks) in pooled)
        {
            var ids = new List<string>(imageTasks.Count);
            foreach (var labels in imageTasks)
            {
                var taskId = TaskId(datasetId, image.Image, labels);
                ids.Add(taskId);
                tasks.Add(new RatingTaskIssued(taskId, datasetId, image.Image, labels, RatingInstructions.Default));
            }

            proposals.Add(new ImageProposals(image.Image, image.OriginalLabel, image.Candidates, image.Dropped, ids));
        }

        var appended = 0;
        var questionCount = 0;
        var batchCount = Math.Max(1, (proposals.Count + ImagesPerEvent - 1) / ImagesPerEvent);
        for (var b = 0; b < batchCount; b++)
        {
            var batch = proposals.Skip(b * ImagesPerEvent).Take(ImagesPerEvent).ToArray();
            questions.Clear();
            foreach (var image in batch.Where(i => i.SentForRating))
            {
                questions.AddRange(image.Candidates.Select(c => new QuestionRef(image.Image, c.Label)));
            }

            questionCount += questions.Count;
            var events = new List<EventData>
            {
                serializer.ToEventData(
                    DeterministicGuid.Create($"proposals/{datasetId}/{runId}/{b}"),
                    new ProposalsGenerated(runId, datasetId, models, rule, b, batchCount, batch),
                    Metadata($"proposals/{runId}/{b}", correlationId)),
            };
            if (questions.Count > 0)
            {
                events.Add(serializer.ToEventData(
                    DeterministicGuid.Create($"questions/{datasetId}/{runId}/{b}"),
                    new QuestionsRegistered(datasetId, QuestionSource, [.. questions]),
                    Metadata($"proposals/{runId}/{b}", correlationId)));
            }

            appended += (await writer.AppendToStreamAsync(StreamNames.Proposals(datasetId), ExpectedRevision.Any, events, cancellationToken)).AppendedCount;
        }

        for (var start = 0; start < tasks.Count; start += ImagesPerEvent)
        {
            var events = tasks.Skip(start).Take(ImagesPerEvent)
                .Select(t => serializer.ToEventData(DeterministicGuid.Create($"task-issued/{t.TaskId}"), t, Metadata($"proposals/{runId}", correlationId)))
                .ToArray();
            appended += (await writer.AppendToStreamAsync(StreamNames.Tasks(datasetId), ExpectedRevision.Any, events, cancellationToken)).AppendedCount;
        }

        return new ProposalRecording(tasks, questionCount, appended);
    }

    /// <summary>"{image stem}/{12 hex}": readable in a tool's UI, unique per (data set, image, label set).</summary>
    public static string TaskId(string datasetId, string image, IEnumerable<int> labels)
    {
        var key = $"task/{datasetId}/{image}/{string.Join(',', labels.Order())}";
        return $"{Path.GetFileNameWithoutExtension(image)}.{DeterministicGuid.Create(key).ToString("N")[..12]}";
    }

    private static EventMetadata Metadata(string source, string? correlationId) =>
        new() { SourceMessageId = source, CorrelationId = correlationId, CausationId = correlationId, ProducingService = "proposals" };
}
