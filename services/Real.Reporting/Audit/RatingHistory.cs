using Real.Contracts.Events.Intake;

namespace Real.Reporting.Audit;

/// <summary>Groups one question's ratings by rater: the latest answer (by answered-at, ties: the later event) with the earlier ones as history.</summary>
internal static class RatingHistory
{
    public static IReadOnlyList<RatingExplanation> Build(IReadOnlyList<(RatingRecorded Rating, long Position)> ratings) =>
        [.. ratings
            .GroupBy(r => r.Rating.RaterId, StringComparer.Ordinal)
            .Select(g =>
            {
                var ordered = g.OrderBy(r => r.Rating.AnsweredAt).ThenBy(r => r.Position).ToList();
                var history = ordered.Take(ordered.Count - 1).Select(r => ToExplanation(r, [])).ToList();
                return ToExplanation(ordered[^1], history);
            })
            .OrderBy(r => r.Role, StringComparer.Ordinal)
            .ThenBy(r => r.RaterId, StringComparer.Ordinal)];

    private static RatingExplanation ToExplanation((RatingRecorded Rating, long Position) r, IReadOnlyList<RatingExplanation> history) =>
        new(r.Rating.RaterId, r.Rating.Role.ToString().ToLowerInvariant(), r.Rating.Answer.ToString().ToLowerInvariant(), r.Rating.AnsweredAt, r.Rating.ToolId, r.Rating.BatchId, r.Rating.RatingId, r.Position, history);
}
