using Real.Reporting.Evaluation;

namespace Real.Reporting.Tests.Evaluation;

public sealed class LinearRegressionTests
{
    /// <summary>
    /// Hand-computed: x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6, Syy = 6 → slope 0.6, intercept 2.2, r = 6/√60 = 0.774597;
    /// t = r·√3/√(1−r²) = 2.12132 with 3 degrees of freedom, whose CDF is closed-form:
    /// p = 2·(1 − (½ + (θ + sinθ·cosθ)/π)), θ = atan(t/√3) → 0.1240270627 (scipy.stats.linregress agrees).
    /// </summary>
    [Fact]
    public void Fits_slope_intercept_r_and_the_two_sided_p_value_of_a_hand_computed_example()
    {
        var fit = LinearRegression.Fit([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);

        Assert.Equal(5, fit.Points);
        Assert.Equal(0.6, fit.Slope, 12);
        Assert.Equal(2.2, fit.Intercept, 12);
        Assert.Equal(6 / Math.Sqrt(60), fit.R, 12);
        var t = fit.R * Math.Sqrt(3) / Math.Sqrt(1 - (fit.R * fit.R));
        var theta = Math.Atan(t / Math.Sqrt(3));
        var expectedP = 2 * (1 - (0.5 + ((theta + (Math.Sin(theta) * Math.Cos(theta))) / Math.PI)));
        Assert.Equal(0.12402706265755, expectedP, 12);
        Assert.Equal(expectedP, fit.PValue, 10);
        Assert.Equal(Math.Sqrt((6 - (0.6 * 6)) / 3 / 10), fit.SlopeStandardError, 12);
        Assert.Equal(4.0, fit.Predict(3), 12);
    }

    [Fact]
    public void A_perfect_line_has_r_one_and_p_zero()
    {
        var exact = LinearRegression.Fit([1, 2, 3, 4], [3, 5, 7, 9]);
        var rounded = LinearRegression.Fit([0.70, 0.75, 0.80, 0.85], [0.78, 0.82, 0.86, 0.90]);

        Assert.Equal(2, exact.Slope);
        Assert.Equal(1, exact.Intercept);
        Assert.Equal(1.0, exact.R);
        Assert.Equal(0.0, exact.PValue);
        Assert.Equal(0.8, rounded.Slope, 10);
        Assert.Equal(0.22, rounded.Intercept, 10);
        Assert.Equal(1.0, rounded.R, 10);
        Assert.InRange(rounded.PValue, 0, 1e-12); // rounding leaves a residual of ~1e-17
    }

    [Fact]
    public void A_negative_slope_has_negative_r_and_a_symmetric_p_value()
    {
        var up = LinearRegression.Fit([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
        var down = LinearRegression.Fit([1, 2, 3, 4, 5], [-2, -4, -5, -4, -5]);

        Assert.Equal(-up.Slope, down.Slope, 12);
        Assert.Equal(-up.R, down.R, 12);
        Assert.Equal(up.PValue, down.PValue, 12);
    }

    [Fact]
    public void Very_strong_evidence_gives_a_tiny_but_positive_p_value()
    {
        var x = Enumerable.Range(0, 40).Select(i => 0.6 + (i * 0.005)).ToArray();
        var y = x.Select((v, i) => (0.9 * v) + 0.1 + (i % 2 == 0 ? 0.001 : -0.001)).ToArray();

        var fit = LinearRegression.Fit(x, y);

        Assert.InRange(fit.PValue, double.Epsilon, 1e-20);
    }

    [Fact]
    public void Two_points_give_a_line_but_no_p_value()
    {
        var fit = LinearRegression.Fit([0, 1], [1, 3]);

        Assert.Equal(2, fit.Slope, 12);
        Assert.True(double.IsNaN(fit.PValue));
    }

    [Fact]
    public void Degenerate_input_is_rejected_with_a_reason()
    {
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => LinearRegression.Fit([1], [1])).Message, StringComparison.Ordinal);
        Assert.Contains("same", Assert.Throws<ArgumentException>(() => LinearRegression.Fit([1, 1, 1], [1, 2, 3])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LinearRegression.Fit([1, 2], [1]));
    }
}
