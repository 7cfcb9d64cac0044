using Real.Aggregation.DawidSkene;
using Real.Aggregation.Inputs;

namespace Real.Aggregation.Rules;

/// <summary>
/// The paper's animal rule: for an image whose original ImageNet label is an animal class — labels that experts
/// checked — the original label votes as one more rater: "yes" on the question of the original label, "no" on the
/// image's other candidates (all of them, or with <see cref="AnimalNegatives.AnimalCandidates"/> only those that
/// are animals too). Its confusion matrix is estimated by EM like any rater's.
/// </summary>
public static class OriginalLabelRater
{
    public const string RaterId = "imagenet:original-label";

    /// <summary>The original-label rater's answer on every question, or null where it does not vote.</summary>
    public static Answer?[] Answers(AggregationInput input, AnimalNegatives negatives)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dataset = input.Dataset;
        var answers = new Answer?[input.QuestionCount];
        for (var q = 0; q < answers.Length; q++)
        {
            var original = dataset.OriginalLabels[input.QuestionImage[q]];
            if (!dataset.IsAnimal[original])
            {
                continue;
            }

            var label = input.QuestionLabel[q];
            if (label == original)
            {
                answers[q] = Answer.Yes;
            }
            else if (negatives == AnimalNegatives.AllCandidates || dataset.IsAnimal[label])
            {
                answers[q] = Answer.No;
            }
        }

        return answers;
    }
}
