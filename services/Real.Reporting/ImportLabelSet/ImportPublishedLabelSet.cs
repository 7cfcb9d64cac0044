namespace Real.Reporting.ImportLabelSet;

/// <summary>Import a published label set file (format "real-json") under <see cref="LabelSetId"/>.</summary>
public sealed record ImportPublishedLabelSet(string File, string Format, string LabelSetId);
