using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Pooling;

/// <summary>
/// The pooling rule for one image (see <see cref="PoolingRule"/>): every model's top-k votes for its labels; labels
/// with at least min_models votes are candidates; the original label is always a candidate; the candidates are
/// capped, keeping the original and then the best supported (most votes, then the better ranks, then the lower
/// class index, so the result never depends on input order).
/// </summary>
public static class CandidatePooler
{
    /// <param name="predictions">Each model's prediction for the image, best first; a model without one is left out.</param>
    public static PooledImage Pool(string image, int originalLabel, IReadOnlyList<(string ModelId, ImagePrediction Prediction)> predictions, PoolingRule rule)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(rule);
        var votes = new SortedDictionary<int, List<ModelVote>>();
        foreach (var (modelId, prediction) in predictions.OrderBy(p => p.ModelId, StringComparer.Ordinal))
        {
            var seen = new HashSet<int>();
            var top = prediction.Top;
            for (var r = 0; r < Math.Min(rule.TopK, top.Count); r++)
            {
                // A label twice in one model's list (a bad import) still counts as one vote, at its better rank.
                if (!seen.Add(top[r].Label))
                {
                    continue;
                }

                if (!votes.TryGetValue(top[r].Label, out var list))
                {
                    votes[top[r].Label] = list = [];
                }

                list.Add(new ModelVote(modelId, r + 1, top[r].Logit, top[r].Probability));
            }
        }

        var supported = votes
            .Where(v => v.Key != originalLabel && v.Value.Count >= rule.MinModels)
            .OrderByDescending(v => v.Value.Count)
            .ThenByDescending(v => v.Value.Sum(vote => 1.0 / vote.Rank))
            .ThenBy(v => v.Key)
            .Select(v => v.Key)
            .ToList();
        var kept = supported.Take(rule.MaxCandidates - 1).ToHashSet();

        var candidates = new List<ProposedLabel>
        {
            new(originalLabel, true, votes.TryGetValue(originalLabel, out var originalVotes) ? originalVotes : []),
        };
        candidates.AddRange(supported.Where(kept.Contains).Select(label => new ProposedLabel(label, false, votes[label])));
        var dropped = votes
            .Where(v => v.Key != originalLabel && !kept.Contains(v.Key))
            .Select(v => new ProposedLabel(v.Key, false, v.Value))
            .ToArray();
        return new PooledImage(image, originalLabel, candidates, dropped);
    }
}
