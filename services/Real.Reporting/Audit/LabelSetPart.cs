using System.Text.Json;
using Real.Contracts;
using Real.EventStore;
using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.LabelSets;

namespace Real.Reporting.Audit;

/// <summary>
/// What one label set says about one image: its labels, the candidates' scores, the rule (with version, parameters and
/// threshold), the prior and the raters' confusion matrices, and the events they come from. For our versions only
/// the batch that holds the image is parsed (found by a byte test on the file name).
/// </summary>
internal sealed record LabelSetPart(
    LabelSetDescription? Description,
    IReadOnlySet<int> InSet,
    IReadOnlyDictionary<int, double> Candidates,
    double? PriorFits,
    IReadOnlyList<RaterModel> RaterModels)
{
    /// <summary>The rater id the aggregation gives the original ImageNet label when it counts as a rater (animal classes).</summary>
    public const string OriginalLabelRater = "imagenet:original-label";

    private static readonly LabelSetPart None = new(null, new HashSet<int>(), new Dictionary<int, double>(), null, []);

    public static async Task<LabelSetPart> ReadAsync(ReportingContext context, string reference, EvaluationDataset dataset, int image, byte[] marker, SortedDictionary<long, EventReference> events, CancellationToken cancellationToken)
    {
        var all = await context.Catalog.ListAsync(cancellationToken);
        LabelSetSummary? summary;
        if (string.Equals(reference, LabelSetCatalog.Latest, StringComparison.OrdinalIgnoreCase))
        {
            summary = all.LastOrDefault(s => s.Kind == LabelSetKind.Version && s.Complete) ?? all.LastOrDefault(s => s.Kind == LabelSetKind.Imported);
            if (summary is null)
            {
                return None;
            }
        }
        else
        {
            summary = all.LastOrDefault(s => s.Id == reference)
                ?? throw new ArgumentException($"No label set '{reference}'. Known: {(all.Count == 0 ? "none yet" : string.Join(", ", all.Select(s => s.Id)))}.");
        }

        return summary.Kind == LabelSetKind.Version
            ? await ReadVersionAsync(context.Store, summary, dataset, image, marker, events, cancellationToken)
            : await ReadImportedAsync(context, summary, dataset, image, events, cancellationToken);
    }

    private static async Task<LabelSetPart> ReadVersionAsync(IEventReader store, LabelSetSummary summary, EvaluationDataset dataset, int image, byte[] marker, SortedDictionary<long, EventReference> events, CancellationToken cancellationToken)
    {
        LabelSetDescription? description = null;
        var inSet = new HashSet<int> { dataset.OriginalLabels[image] };
        var candidates = new Dictionary<int, double>();
        double? prior = null;
        var models = new List<RaterModel>();
        var file = dataset.Images.FileOf(image);
        await foreach (var recorded in store.ReadStreamAsync(summary.Stream, Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            switch (recorded.EventType)
            {
                case "AggregationStarted":
                    using (var document = JsonDocument.Parse(recorded.Data))
                    {
                        description = DerivedLabelSets.Describe(summary.Id, document.RootElement, new LabelSetStatistics(0, 0, 0, 0, 0), summary.Position);
                    }

                    events[recorded.GlobalPosition] = EventReference.From(recorded);
                    break;
                case "RaterConfusionEstimated":
                    using (var document = JsonDocument.Parse(recorded.Data))
                    {
                        prior = ProposalPart.Number(document.RootElement, "priorFits");
                        models.AddRange(ProposalPart.Array(document.RootElement, "raters").Select(r => new RaterModel(
                            ProposalPart.Text(r, "raterId") ?? "?",
                            r.TryGetProperty("votes", out var v) ? v.GetInt32() : 0,
                            [.. ProposalPart.Array(r, "givenNotFits").Select(x => x.GetDouble())],
                            [.. ProposalPart.Array(r, "givenFits").Select(x => x.GetDouble())])));
                    }

                    events[recorded.GlobalPosition] = EventReference.From(recorded);
                    break;
                case "LabelsDerived" when recorded.Data.Span.IndexOf(marker) >= 0:
                    using (var document = JsonDocument.Parse(recorded.Data))
                    {
                        foreach (var entry in ProposalPart.Array(document.RootElement, "images").Where(i => ProposalPart.Text(i, "image") == file))
                        {
                            inSet = [.. ProposalPart.Array(entry, "labels").Select(l => l.GetInt32())];
                            foreach (var c in ProposalPart.Array(entry, "candidates"))
                            {
                                candidates[c.GetProperty("label").GetInt32()] = c.GetProperty("score").GetDouble();
                            }

                            events[recorded.GlobalPosition] = EventReference.From(recorded) with { Data = entry.Clone() };
                        }
                    }

                    break;
                case "AggregationCompleted":
                    events[recorded.GlobalPosition] = EventReference.From(recorded);
                    break;
            }
        }

        return new LabelSetPart(description, inSet, candidates, prior, models);
    }

    private static async Task<LabelSetPart> ReadImportedAsync(ReportingContext context, LabelSetSummary summary, EvaluationDataset dataset, int image, SortedDictionary<long, EventReference> events, CancellationToken cancellationToken)
    {
        var loaded = await context.Catalog.ResolveAsync(summary.Id, dataset, cancellationToken);
        await foreach (var recorded in context.Store.ReadStreamAsync(StreamNames.ImportedLabelSet(summary.Id), Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            using var document = JsonDocument.Parse(recorded.Data);
            var root = document.RootElement;
            if (recorded.EventType != "ImportedLabelsRecorded")
            {
                events[recorded.GlobalPosition] = EventReference.From(recorded);
            }
            else if (root.GetProperty("firstImage").GetInt32() is var first && image >= first && image < first + root.GetProperty("labels").GetArrayLength())
            {
                using var entry = JsonDocument.Parse(JsonSerializer.Serialize(new { firstImage = first, image, labels = loaded.Labels.LabelsOf(image).ToArray() }));
                events[recorded.GlobalPosition] = EventReference.From(recorded) with { Data = entry.RootElement.Clone() };
            }
        }

        return new LabelSetPart(loaded.Description, new HashSet<int>(loaded.Labels.LabelsOf(image).ToArray()), new Dictionary<int, double>(), null, []);
    }
}
