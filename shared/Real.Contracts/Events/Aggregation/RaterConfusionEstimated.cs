using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Aggregation;

/// <summary>
/// The model a model-based rule estimated: the global prior P(fits) and every rater's confusion matrix. Rules
/// without a rater model (majority) do not append it. A later run can warm-start from it.
/// </summary>
[EventType("RaterConfusionEstimated")]
public sealed record RaterConfusionEstimated(string LabelSetId, double PriorFits, IReadOnlyList<RaterConfusion> Raters);
