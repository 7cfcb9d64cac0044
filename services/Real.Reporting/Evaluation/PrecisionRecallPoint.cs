namespace Real.Reporting.Evaluation;

/// <summary>Precision and recall when every question scoring at least <see cref="Threshold"/> is taken as positive.</summary>
public sealed record PrecisionRecallPoint(double Threshold, double Precision, double Recall, int PredictedPositive)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
