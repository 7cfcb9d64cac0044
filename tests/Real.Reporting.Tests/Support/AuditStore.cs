using System.Text;
using System.Text.Json;
using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.EventStore.Sqlite;

namespace Real.Reporting.Tests.Support;

/// <summary>
/// A small SQLite store holding every kind of event the audit reads: the data set, proposals, crowd and expert ratings
/// (one re-rated), an aggregation run (started, confusion matrices, labels, completed). Aggregation and proposal events
/// are written as the JSON their producers store, so this fixture pins the shape the audit relies on.
/// </summary>
internal static class AuditStore
{
    public const string Image = "ILSVRC2012_val_00000002.JPEG";

    public static async Task<(IEventStore Store, EventSerializer Serializer)> BuildAsync(string path)
    {
        var store = new SqliteEventStore(path);
        await store.InitializeAsync();
        var serializer = ReportingContext.CreateSerializer();
        var files = Enumerable.Range(1, 4).Select(i => $"ILSVRC2012_val_{i:D8}.JPEG").ToArray();
        await Append(store, StreamNames.Dataset("imagenet-val"), serializer.ToEventData(Guid.NewGuid(), new DatasetRegistered("imagenet-val", "test", ["tench", "goldfish", "shark", "ray"], files, [0, 1, 2, 3])));
        await AppendRaw(store, StreamNames.Proposals("imagenet-val"), "ProposalsGenerated", new
        {
            runId = "run-1", datasetId = "imagenet-val", models = new[] { new { modelId = "resnet", version = "1" } }, rule = new { minModels = 1 }, batchIndex = 0, batchCount = 1,
            images = new[]
            {
                new { image = Image, originalLabel = 1, candidates = new object[] { new { label = 1, isOriginal = true, proposedBy = new[] { new { modelId = "resnet", rank = 2, logit = 3.5, probability = 0.3 } } }, new { label = 2, isOriginal = false, proposedBy = new[] { new { modelId = "resnet", rank = 1, logit = 5.0, probability = 0.6 }, new { modelId = "vit", rank = 1, logit = 4.0, probability = 0.5 } } } }, dropped = Array.Empty<object>(), taskIds = new[] { "t1" } },
            },
        });
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        RatingRecorded Rating(string id, string rater, RaterRole role, int label, RatingAnswer answer, int minutes) =>
            new(id, "tool", "b1", rater, role, "imagenet-val", Image, label, answer, t0.AddMinutes(minutes), "t1");
        foreach (var r in new[]
        {
            Rating("r1", "tool:ann", RaterRole.Crowd, 2, RatingAnswer.No, 0),
            Rating("r2", "tool:ann", RaterRole.Crowd, 2, RatingAnswer.Yes, 5),
            Rating("r3", "tool:bob", RaterRole.Crowd, 2, RatingAnswer.Maybe, 1),
            Rating("r4", "tool:bob", RaterRole.Crowd, 1, RatingAnswer.Yes, 1),
            Rating("r5", "golden:expert1", RaterRole.Expert, 2, RatingAnswer.Yes, 2),
        })
        {
            await Append(store, StreamNames.Ratings("tool"), serializer.ToEventData(Guid.NewGuid(), r));
        }

        await Append(store, "labelsetindex-all", Raw("LabelSetAllocated", new { labelSetId = "1", runId = "run", datasetId = "imagenet-val", rule = "dawid-skene", allocatedAt = t0 }));
        await Append(
            store,
            StreamNames.LabelSet("1"),
            Raw("AggregationStarted", new { labelSetId = "1", runId = "run", datasetId = "imagenet-val", rule = "dawid-skene", ruleVersion = "ds-1.2", parameters = new Dictionary<string, string> { ["threshold"] = "0.8", ["max_iterations"] = "200" }, inputUpToPosition = 7, asOf = (string?)null, animalClasses = new[] { 0, 1, 2, 3 }, codeVersion = "abc", warmStartedFrom = (string?)null, startedAt = t0 }),
            Raw("RaterConfusionEstimated", new { labelSetId = "1", priorFits = 0.31, raters = new[] { new { raterId = "tool:ann", votes = 40, givenNotFits = new[] { 0.8, 0.1, 0.1 }, givenFits = new[] { 0.1, 0.1, 0.8 } }, new { raterId = "tool:bob", votes = 30, givenNotFits = new[] { 0.7, 0.2, 0.1 }, givenFits = new[] { 0.2, 0.2, 0.6 } }, new { raterId = "tool:carl", votes = 9, givenNotFits = new[] { 0.9, 0.05, 0.05 }, givenFits = new[] { 0.1, 0.1, 0.8 } } } }),
            Raw("LabelsDerived", new { labelSetId = "1", batch = 0, images = new[] { new { image = Image, candidates = new[] { new { label = 1, score = 0.97 }, new { label = 2, score = 0.86 } }, labels = new[] { 1, 2 } }, new { image = files[2], candidates = new[] { new { label = 2, score = 0.1 } }, labels = Array.Empty<int>() } } }),
            Raw("AggregationCompleted", new { labelSetId = "1", imagesRated = 2, questionsScored = 3, votes = 4, raters = 2, multiLabelShare = 0.5, emptySets = 1, iterations = 12, converged = true, seconds = 0.01, labelBatches = 1, completedAt = t0 }));
        return (store, serializer);
    }

    private static Task Append(IEventStore store, string stream, params EventData[] events) => store.AppendToStreamAsync(stream, ExpectedRevision.Any, events);

    private static Task AppendRaw(IEventStore store, string stream, string type, object data) => Append(store, stream, Raw(type, data));

    private static EventData Raw(string type, object data) => new(Guid.NewGuid(), type, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(data)));
}
