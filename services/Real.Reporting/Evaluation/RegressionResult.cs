namespace Real.Reporting.Evaluation;

/// <summary>
/// A fitted line y = <see cref="Intercept"/> + <see cref="Slope"/>·x over <see cref="Points"/> points.
/// <see cref="PValue"/> is two-sided for the slope; it and <see cref="SlopeStandardError"/> are NaN with only 2 points.
/// </summary>
public sealed record RegressionResult(int Points, double Slope, double Intercept, double R, double PValue, double SlopeStandardError)
{
    public double RSquared => R * R;

    public double Predict(double x) => Intercept + (Slope * x);
}
