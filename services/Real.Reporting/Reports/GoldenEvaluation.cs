using Real.Reporting.Evaluation;

namespace Real.Reporting.Reports;

/// <summary>The label set against the experts' majority on the golden questions: the PR curve and the chosen operating point.</summary>
public sealed record GoldenEvaluation(int Questions, int ExpertPositives, IReadOnlyList<PrecisionRecallPoint> Curve, PrecisionRecallPoint OperatingPoint);
