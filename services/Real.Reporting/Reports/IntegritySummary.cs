namespace Real.Reporting.Reports;

/// <summary>What the store's integrity check (`./real verify`) found: all good, or the first bad position.</summary>
public sealed record IntegritySummary(bool Ok, long CheckedEvents, long? FirstBadPosition, string Message);
