using System.Text;
using System.Text.Json;
using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.LabelSets;

namespace Real.Reporting.Audit;

/// <summary>
/// Gathers every event behind an image's labels. Reads are narrow: the image's label-set stream, and the ratings and
/// proposals categories filtered by the image's file name on the raw bytes, so only the events that mention the image
/// are deserialized (no read model to keep up to date; see docs/reporting.md for the cost).
/// </summary>
public sealed class ExplainImageHandler(ReportingContext context)
{
    public async Task<ImageExplanation> HandleAsync(ExplainImage query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var dataset = await context.DatasetAsync(cancellationToken);
        if (!dataset.Images.TryFind(query.Image, out var image))
        {
            throw new ArgumentException($"'{query.Image}' is not an image of data set '{dataset.DatasetId}' (expected a name such as {dataset.Images.FileOf(0)}).");
        }

        if (query.Label is { } asked && (asked < 0 || asked >= dataset.ClassCount))
        {
            throw new ArgumentException($"Label {asked} is not a class index in 0..{dataset.ClassCount - 1}.");
        }

        var file = dataset.Images.FileOf(image);
        var marker = Encoding.UTF8.GetBytes($"\"image\":{JsonSerializer.Serialize(file)}");
        var events = new SortedDictionary<long, EventReference>();
        var labelSetPart = await LabelSetPart.ReadAsync(context, query.LabelSet, dataset, image, marker, events, cancellationToken);
        var ratings = await ReadRatingsAsync(marker, file, events, cancellationToken);
        var proposals = await ProposalPart.ReadAsync(context.Store, marker, file, events, cancellationToken);
        await AddDatasetEventAsync(dataset.DatasetId, events, cancellationToken);

        var original = dataset.OriginalLabels[image];
        var labels = query.Label is { } only
            ? [only]
            : new SortedSet<int>([original, .. labelSetPart.InSet, .. labelSetPart.Candidates.Keys, .. ratings.Select(r => r.Rating.Label), .. proposals.Keys]).ToArray();
        var explained = labels.Select(label =>
        {
            var answers = RatingHistory.Build([.. ratings.Where(r => r.Rating.Label == label)]);
            var raters = answers.Select(a => a.RaterId).Append(LabelSetPart.OriginalLabelRater).ToHashSet(StringComparer.Ordinal);
            return new LabelExplanation(
                label,
                dataset.ClassName(label),
                label == original,
                labelSetPart.Description is null ? null : labelSetPart.InSet.Contains(label),
                labelSetPart.Candidates.TryGetValue(label, out var score) ? score : null,
                proposals.TryGetValue(label, out var votes) ? votes : [],
                answers,
                [.. labelSetPart.RaterModels.Where(m => raters.Contains(m.RaterId))]);
        }).ToList();

        return new ImageExplanation(file, image, original, dataset.ClassName(original), labelSetPart.Description, labelSetPart.PriorFits, [.. labelSetPart.InSet.Order()], explained, [.. events.Values]);
    }

    private async Task<List<(RatingRecorded Rating, long Position)>> ReadRatingsAsync(byte[] marker, string file, SortedDictionary<long, EventReference> events, CancellationToken cancellationToken)
    {
        var result = new List<(RatingRecorded, long)>();
        await foreach (var recorded in context.Store.ReadCategoryAsync(StreamNames.RatingsCategory, cancellationToken: cancellationToken))
        {
            if (recorded.Data.Span.IndexOf(marker) < 0 || context.Serializer.TryDeserialize(recorded) is not RatingRecorded rating || rating.Image != file)
            {
                continue;
            }

            result.Add((rating, recorded.GlobalPosition));
            events[recorded.GlobalPosition] = EventReference.From(recorded);
        }

        return result;
    }

    private async Task AddDatasetEventAsync(string datasetId, SortedDictionary<long, EventReference> events, CancellationToken cancellationToken)
    {
        await foreach (var recorded in context.Store.ReadStreamAsync(StreamNames.Dataset(datasetId), Direction.Forwards, 0, 1, cancellationToken))
        {
            // The data-set event holds all 50,000 file names: keep its envelope and hash, not its data.
            var reference = EventReference.From(recorded);
            using var summary = JsonDocument.Parse("{\"note\":\"data set registration (image list and original labels); data omitted\"}");
            events[recorded.GlobalPosition] = reference with { Data = summary.RootElement.Clone() };
        }
    }
}
