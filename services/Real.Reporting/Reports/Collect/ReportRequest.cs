namespace Real.Reporting.Reports.Collect;

/// <summary>
/// What to report on: <see cref="LabelSet"/> (id, "latest" or a real.json file), extra models from
/// <see cref="Predictions"/> (a file or folder), the set to compare with (<see cref="Compare"/>: an id or file;
/// default the previous version, else the original labels) and whether to verify the store's hash chain.
/// </summary>
public sealed record ReportRequest(string LabelSet, string? Predictions, string? Compare, bool Verify);
