using Real.Reporting.Evaluation;

namespace Real.Reporting.Evaluate;

/// <summary>The models evaluated against one label set, and the regression across them (null with fewer than 3 real models).</summary>
public sealed record EvaluationRun(string LabelSetId, LabelSetStatistics LabelSet, IReadOnlyList<ModelEvaluation> Models, RegressionResult? Regression, IReadOnlyList<string> RegressionModels);
