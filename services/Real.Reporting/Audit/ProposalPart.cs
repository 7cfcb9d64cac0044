using System.Text.Json;
using Real.Contracts;
using Real.EventStore;

namespace Real.Reporting.Audit;

/// <summary>
/// The models that proposed each label for the image, read from ProposalsGenerated events in the proposals category.
/// Read as JSON (images[].candidates[].proposedBy[]) so the audit needs only the stored shape, not the producer's types.
/// </summary>
internal static class ProposalPart
{
    public static async Task<Dictionary<int, IReadOnlyList<ProposalVote>>> ReadAsync(IEventReader store, byte[] marker, string file, SortedDictionary<long, EventReference> events, CancellationToken cancellationToken)
    {
        var votes = new Dictionary<int, List<ProposalVote>>();
        await foreach (var recorded in store.ReadCategoryAsync(StreamNames.ProposalsCategory, cancellationToken: cancellationToken))
        {
            if (recorded.EventType != "ProposalsGenerated" || recorded.Data.Span.IndexOf(marker) < 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(recorded.Data);
            foreach (var image in Array(document.RootElement, "images").Where(i => Text(i, "image") == file))
            {
                foreach (var candidate in Array(image, "candidates"))
                {
                    var label = candidate.GetProperty("label").GetInt32();
                    var list = votes.TryGetValue(label, out var existing) ? existing : votes[label] = [];
                    list.AddRange(Array(candidate, "proposedBy").Select(v => new ProposalVote(
                        Text(v, "modelId") ?? "?",
                        v.TryGetProperty("rank", out var rank) ? rank.GetInt32() : 0,
                        Number(v, "logit"),
                        Number(v, "probability"),
                        recorded.GlobalPosition)));
                }

                // Keep a compact copy: just this image's proposals, not the whole batch.
                events[recorded.GlobalPosition] = EventReference.From(recorded) with { Data = image.Clone() };
            }
        }

        return votes.ToDictionary(v => v.Key, v => (IReadOnlyList<ProposalVote>)v.Value);
    }

    internal static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
