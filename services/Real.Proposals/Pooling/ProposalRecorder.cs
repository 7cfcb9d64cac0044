using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Proposals.Datasets;

namespace Real.Proposals.Pooling;

/// <summary>
/// Writes a pooled run to the log, per batch of <see cref="ImagesPerEvent"/> images: one
/// <see cref="ProposalsGenerated"/> to <c>proposals-{dataset}</c>, then to <c>tasks-{dataset}</c> in one append the
/// batch's <see cref="QuestionsRegistered"/> (source "proposals": every (image, label) sent for rating) and one
/// <see cref="RatingTaskIssued"/> per task. Intake's question catalogue reads the tasks category, so a rating for a
/// candidate is accepted as soon as its task is in the log. Task ids derive from the data set, image and labels: the
/// same task is never issued twice, even by two runs.
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
        var allTasks = new List<RatingTaskIssued>();
        var appended = 0;
        var questionCount = 0;
        var batchCount = Math.Max(1, (pooled.Count + ImagesPerEvent - 1) / ImagesPerEvent);
        for (var b = 0; b < batchCount; b++)
        {
            var proposals = new List<ImageProposals>();
            var tasks = new List<RatingTaskIssued>();
            var questions = new List<QuestionRef>();
            foreach (var (image, imageTasks) in pooled.Skip(b * ImagesPerEvent).Take(ImagesPerEvent))
            {
                var ids = new List<string>(imageTasks.Count);
                foreach (var labels in imageTasks)
                {
                    var task = new RatingTaskIssued(TaskId(datasetId, image.Image, labels), datasetId, image.Image, labels, RatingInstructions.Default);
                    ids.Add(task.TaskId);
                    tasks.Add(task);
                    questions.AddRange(labels.Select(l => new QuestionRef(image.Image, l)));
                }

                proposals.Add(new ImageProposals(image.Image, image.OriginalLabel, image.Candidates, image.Dropped, ids));
            }

            var source = $"proposals/{runId}/{b}";
            var generated = serializer.ToEventData(
                DeterministicGuid.Create($"proposals/{datasetId}/{runId}/{b}"),
                new ProposalsGenerated(runId, datasetId, models, rule, b, batchCount, proposals),
                Metadata(source, correlationId));
            appended += (await writer.AppendToStreamAsync(StreamNames.Proposals(datasetId), ExpectedRevision.Any, [generated], cancellationToken)).AppendedCount;

            if (tasks.Count > 0)
            {
                var events = new List<EventData>(tasks.Count + 1)
                {
                    serializer.ToEventData(
                        DeterministicGuid.Create($"questions/{datasetId}/{runId}/{b}"),
                        new QuestionsRegistered(datasetId, QuestionSource, questions),
                        Metadata(source, correlationId)),
                };
                events.AddRange(tasks.Select(t => serializer.ToEventData(DeterministicGuid.Create($"task-issued/{t.TaskId}"), t, Metadata(source, correlationId))));
                appended += (await writer.AppendToStreamAsync(StreamNames.Tasks(datasetId), ExpectedRevision.Any, events, cancellationToken)).AppendedCount;
            }

            questionCount += questions.Count;
            allTasks.AddRange(tasks);
        }

        return new ProposalRecording(allTasks, questionCount, appended);
    }

    /// <summary>"{image stem}.{12 hex}": readable in a tool's UI, unique per (data set, image, label set).</summary>
    public static string TaskId(string datasetId, string image, IEnumerable<int> labels)
    {
        var key = $"task/{datasetId}/{image}/{string.Join(',', labels.Order())}";
        return $"{Path.GetFileNameWithoutExtension(image)}.{DeterministicGuid.Create(key).ToString("N")[..12]}";
    }

    private static EventMetadata Metadata(string source, string? correlationId) =>
        new() { SourceMessageId = source, CorrelationId = correlationId, CausationId = correlationId, ProducingService = "proposals" };
}
