using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Real.Contracts;
using Real.Contracts.Events.Reporting;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.LabelSets;

namespace Real.Reporting.ImportLabelSet;

/// <summary>
/// Imports a published label set as events in one atomic append (started, batches of labels, completed), so a
/// failed import leaves nothing behind. Event ids derive from the label-set id and the file's SHA-256: the same
/// file again appends nothing; another file under an existing id is refused.
/// </summary>
public sealed partial class ImportPublishedLabelSetHandler(IEventStore store, EventSerializer serializer)
{
    public const string RealJsonFormat = "real-json";

    /// <summary>Images per ImportedLabelsRecorded event: 5,000 keeps each event around 40 KB of JSON.</summary>
    public const int BatchSize = 5_000;

    public async Task<ImportPublishedLabelSetResult> HandleAsync(ImportPublishedLabelSet command, EvaluationDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(dataset);
        if (!string.Equals(command.Format, RealJsonFormat, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Unknown label-set format '{command.Format}': use {RealJsonFormat}.");
        }

        ValidateId(command.LabelSetId);
        var labels = RealJsonLabelSetReader.Read(command.File, dataset.Images, dataset.ClassCount);
        string sha;
        await using (var file = File.OpenRead(command.File))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        var labelSet = new LabelSet(command.LabelSetId, labels);
        var stream = StreamNames.ImportedLabelSet(command.LabelSetId);
        var events = BuildEvents(command, dataset.DatasetId, sha, labels, labelSet.Statistics);
        try
        {
            var result = await store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events, cancellationToken);
            return new ImportPublishedLabelSetResult(command.LabelSetId, stream, result.AppendedCount, labelSet.Statistics);
        }
        catch (WrongExpectedVersionException)
        {
            throw new InvalidDataException($"Label set '{command.LabelSetId}' was already imported from a different file; choose another --id (the existing one is kept).");
        }
    }

    /// <summary>The default id for a file: its name without extension, lower-cased, other characters as '-'.</summary>
    public static string DefaultId(string file) =>
        IdCleaner().Replace(Path.GetFileNameWithoutExtension(file).ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } id ? id : "imported";

    private List<EventData> BuildEvents(ImportPublishedLabelSet command, string datasetId, string sha, IReadOnlyList<int[]> labels, LabelSetStatistics statistics)
    {
        var id = command.LabelSetId;
        var metadata = new EventMetadata { ProducingService = "reporting", SourceMessageId = $"import-labelset:{id}:{sha}" };
        Guid EventId(string part) => DeterministicGuid.Create($"importedlabelset/{id}/{sha}/{part}");
        var events = new List<EventData>
        {
            serializer.ToEventData(EventId("started"), new ImportedLabelSetStarted(id, datasetId, RealJsonFormat, Path.GetFileName(command.File), sha, labels.Count, BatchSize), metadata),
        };
        for (var first = 0; first < labels.Count; first += BatchSize)
        {
            var batch = labels.Skip(first).Take(BatchSize).Select(l => (IReadOnlyList<int>)l).ToList();
            events.Add(serializer.ToEventData(EventId($"labels/{first}"), new ImportedLabelsRecorded(id, first, batch), metadata));
        }

        events.Add(serializer.ToEventData(
            EventId("completed"),
            new ImportedLabelSetCompleted(id, statistics.Images, statistics.EvaluatedImages, statistics.MultiLabelImages, statistics.TotalLabels),
            metadata));
        return events;
    }

    private static void ValidateId(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || !ValidId().IsMatch(id))
        {
            throw new ArgumentException($"Label-set id '{id}' is not valid: use letters, digits, '.', '_' and '-' (at most 100).");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex ValidId();

    [GeneratedRegex("[^a-z0-9._]+")]
    private static partial Regex IdCleaner();
}
