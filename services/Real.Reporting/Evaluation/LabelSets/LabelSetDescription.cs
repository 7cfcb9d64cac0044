namespace Real.Reporting.Evaluation.LabelSets;

/// <summary>Which label set this is and how it was made (rule, version, parameters, threshold); Kind is "version", "imported" or "file".</summary>
public sealed record LabelSetDescription(
    string Id,
    string Kind,
    string Rule,
    string RuleVersion,
    IReadOnlyDictionary<string, string> Parameters,
    double? Threshold,
    LabelSetStatistics Statistics,
    long? Position);
