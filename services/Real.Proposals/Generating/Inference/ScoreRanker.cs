using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Generating.Inference;

/// <summary>
/// From one image's raw model output to its top-k data set labels: softmax over all outputs (for logits), outputs with
/// no data set class skipped, the k best kept, best first; equal scores rank the lower output index first (as a
/// stable argsort of −score does), so results never depend on timing or threads.
/// </summary>
public static class ScoreRanker
{
    /// <param name="classMap">Output i's data set class, -1 for none; empty for the identity.</param>
    public static LabelScore[] TopK(ReadOnlySpan<float> scores, ModelOutputKind kind, IReadOnlyList<int> classMap, int k, string image)
    {
        ArgumentNullException.ThrowIfNull(classMap);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            if (float.IsNaN(s))
            {
                throw new InvalidDataException($"{image}: the model produced NaN scores.");
            }

            max = Math.Max(max, s);
        }

        // Insertion into a small sorted buffer: k is tiny next to the class count.
        var best = new int[Math.Min(k, scores.Length)];
        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (classMap.Count > 0 && classMap[i] < 0)
            {
                continue;
            }

            var s = scores[i];
            if (count == best.Length && s <= scores[best[count - 1]])
            {
                continue;
            }

            var at = count < best.Length ? count++ : count - 1;
            while (at > 0 && scores[best[at - 1]] < s)
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = i;
        }

        double sum = 0;
        if (kind == ModelOutputKind.Logits)
        {
            foreach (var s in scores)
            {
                sum += Math.Exp(s - max);
            }
        }

        var result = new LabelScore[count];
        for (var r = 0; r < count; r++)
        {
            var i = best[r];
            var label = classMap.Count > 0 ? classMap[i] : i;
            result[r] = kind == ModelOutputKind.Logits
                ? new LabelScore(label, scores[i], (float)(Math.Exp(scores[i] - max) / sum))
                : new LabelScore(label, null, scores[i]);
        }

        return result;
    }
}
