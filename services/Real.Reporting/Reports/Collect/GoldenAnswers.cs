using System.Text;
using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Reporting.Reports.Collect;

/// <summary>
/// The experts' answers on the golden questions (RatingRecorded with role "expert"), reduced to the majority per
/// (image, label) as aggregation's golden evaluation does: yes vs. no, "maybe" counts for neither, ties are left out,
/// a re-answer replaces the expert's earlier answer.
/// </summary>
public static class GoldenAnswers
{
    private static readonly byte[] ExpertMarker = Encoding.UTF8.GetBytes("\"role\":\"expert\"");

    public static async Task<IReadOnlyDictionary<(string Image, int Label), bool>> ReadMajorityAsync(IEventReader store, EventSerializer serializer, CancellationToken cancellationToken = default)
    {
        var latest = new Dictionary<(string Image, int Label, string Rater), RatingAnswer>();
        await foreach (var recorded in store.ReadCategoryAsync(StreamNames.RatingsCategory, cancellationToken: cancellationToken))
        {
            // Crowd ratings are ~99% of the category: a byte test spares deserializing them.
            if (recorded.Data.Span.IndexOf(ExpertMarker) < 0 || serializer.TryDeserialize(recorded) is not RatingRecorded { Role: RaterRole.Expert } rating)
            {
                continue;
            }

            latest[(rating.Image, rating.Label, rating.RaterId)] = rating.Answer;
        }

        return latest
            .GroupBy(r => (r.Key.Image, r.Key.Label))
            .Select(g => (g.Key, Yes: g.Count(r => r.Value == RatingAnswer.Yes), No: g.Count(r => r.Value == RatingAnswer.No)))
            .Where(q => q.Yes != q.No)
            .ToDictionary(q => q.Key, q => q.Yes > q.No);
    }
}
