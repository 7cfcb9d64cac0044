using Real.Reporting.Evaluation;

namespace Real.Reporting.Reports;

/// <summary>Which label set a report is about and how it was made (rule, version, parameters, threshold).</summary>
public sealed record LabelSetDescription(
    string Id,
    string Kind,
    string Rule,
    string RuleVersion,
    IReadOnlyDictionary<string, string> Parameters,
    double? Threshold,
    LabelSetStatistics Statistics,
    long? Position);
