namespace Real.Aggregation.DawidSkene;

public enum EmAcceleration
{
    /// <summary>Plain EM: one E-step and one M-step per iteration.</summary>
    None,

    /// <summary>
    /// SQUAREM (Varadhan &amp; Roland 2008, scheme S3): extrapolates two EM steps along the squared-polynomial path,
    /// with the step length clamped to [1, step max] and a fallback to the plain double step whenever the
    /// likelihood would drop. Same fixed points as plain EM, several times fewer iterations on slow problems.
    /// </summary>
    Squarem,
}
