using Real.Aggregation.Inputs;

namespace Real.Aggregation.Labels;

/// <summary>
/// Turns per-question scores into per-image label sets: a candidate enters its image's set when its score is at
/// least the threshold. Only rated images appear; unrated images keep their original label (see <see cref="FullLabelSet"/>).
/// </summary>
public static class LabelDerivation
{
    public static DerivedLabels Derive(AggregationInput input, IReadOnlyList<double> scores, double threshold)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != input.QuestionCount)
        {
            throw new ArgumentException($"Expected {input.QuestionCount} scores, got {scores.Count}.", nameof(scores));
        }

        // Questions are sorted by (image, label), so each image's candidates are one contiguous run.
        var images = new List<ImageLabels>();
        var q = 0;
        while (q < input.QuestionCount)
        {
            var image = input.QuestionImage[q];
            var end = q;
            while (end < input.QuestionCount && input.QuestionImage[end] == image)
            {
                end++;
            }

            var candidates = new int[end - q];
            var candidateScores = new double[end - q];
            var set = new List<int>();
            for (var i = q; i < end; i++)
            {
                candidates[i - q] = input.QuestionLabel[i];
                candidateScores[i - q] = scores[i];
                if (scores[i] >= threshold)
                {
                    set.Add(input.QuestionLabel[i]);
                }
            }

            images.Add(new ImageLabels(image, candidates, candidateScores, set));
            q = end;
        }

        return new DerivedLabels(images);
    }
}
