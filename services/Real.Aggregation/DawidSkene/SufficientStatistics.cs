namespace Real.Aggregation.DawidSkene;

/// <summary>
/// What the M-step needs from an E-step: per (rater, answer) cell the posterior mass of "fits" and of "does not
/// fit" over that cell's votes, and the sum of all scores. Index <c>rater * 3 + answer</c>.
/// </summary>
internal sealed class SufficientStatistics(int cellCount, int questionCount)
{
    public double[] FitsMass { get; } = new double[cellCount];

    public double[] NotFitsMass { get; } = new double[cellCount];

    public double ScoreSum { get; set; }

    public int QuestionCount { get; } = questionCount;
}
