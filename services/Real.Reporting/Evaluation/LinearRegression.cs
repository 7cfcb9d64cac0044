using MathNet.Numerics.Distributions;

namespace Real.Reporting.Evaluation;

/// <summary>
/// Ordinary least squares y = intercept + slope·x with Pearson's r and the two-sided p-value of the slope
/// (H0: slope = 0; t = r·√(n−2)/√(1−r²) with n−2 degrees of freedom) — what scipy.stats.linregress reports.
/// Used for ReaL accuracy (y) against original accuracy (x) across models.
/// </summary>
public static class LinearRegression
{
    public static RegressionResult Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values but y has {y.Count}.", nameof(y));
        }

        var n = x.Count;
        if (n < 2)
        {
            throw new ArgumentException($"A regression line needs at least 2 points, got {n}.", nameof(x));
        }

        // Two-pass sums around the means: stable for accuracies that differ only in the third decimal.
        double meanX = x.Average(), meanY = y.Average();
        double sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        if (sxx == 0)
        {
            throw new ArgumentException("Every x is the same: the slope is undefined.", nameof(x));
        }

        var slope = sxy / sxx;
        var intercept = meanY - (slope * meanX);
        var r = syy == 0 ? 0 : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
        if (n == 2)
        {
            return new RegressionResult(n, slope, intercept, r, double.NaN, double.NaN);
        }

        var dof = n - 2;
        var residual = Math.Max(0, syy - (slope * sxy));
        var standardError = Math.Sqrt(residual / dof / sxx);
        double pValue;
        if (standardError == 0)
        {
            // A perfect fit: t is infinite, so the p-value is 0 (scipy does the same).
            pValue = 0;
        }
        else
        {
            var t = slope / standardError;

            // 2·F(−|t|) rather than 2·(1 − F(|t|)): no cancellation for tiny p-values.
            pValue = Math.Min(1, 2 * StudentT.CDF(0, 1, dof, -Math.Abs(t)));
        }

        return new RegressionResult(n, slope, intercept, r, pValue, standardError);
    }
}
